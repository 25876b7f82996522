package uccx.compliance.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text gives a secret away: in plain text, or inside a Base64 token (standard or
 * URL-safe, in any framing: a Basic header, an AUTHENTICATE PLAIN payload, a LOGIN literal; as
 * ISO-8859-1 bytes or UTF-16LE, as the second-hop credential travels).
 */
public final class SecretSearch {

    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");

    private SecretSearch() {
    }

    public static boolean reveals(String text, String secret) {
        if (text.contains(secret)) {
            return true;
        }
        Matcher tokens = BASE64_TOKEN.matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    byte[] decoded = decoder.decode(token);
                    if (new String(decoded, StandardCharsets.ISO_8859_1).contains(secret)
                            || new String(decoded, StandardCharsets.UTF_16LE).contains(secret)) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // most tokens are words, not Base64
                }
            }
        }
        return false;
    }
}
