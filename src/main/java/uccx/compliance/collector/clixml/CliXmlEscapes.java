package uccx.compliance.collector.clixml;

/**
 * CliXml's own character escapes, {@code _xHHHH_}: PowerShell's serializer writes characters
 * that XML cannot carry (CR, LF, other control characters, lone surrogates) this way in strings,
 * {@code ToString}, type names and property names, and escapes an underscore that is followed by
 * {@code x} as {@code _x005F_} so that a literal {@code _x000D_} survives the round trip.
 */
public final class CliXmlEscapes {

    private CliXmlEscapes() {
    }

    /**
     * Decodes {@code _xHHHH_} (and the 8-digit {@code _xHHHHHHHH_} form .NET's XmlConvert also
     * reads) left to right, so {@code _x005F_x000D_} becomes the literal text {@code _x000D_}.
     * Anything that is not a complete escape is kept as written.
     */
    public static String decode(String s) {
        int at = s.indexOf("_x");
        if (at < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        while (at >= 0) {
            int codePoint = -1;
            int length = 0;
            if (isEscape(s, at, 4)) {
                codePoint = Integer.parseInt(s, at + 2, at + 6, 16);
                length = 7;
            } else if (isEscape(s, at, 8)) {
                long value = Long.parseLong(s, at + 2, at + 10, 16);
                if (value <= Character.MAX_CODE_POINT) {
                    codePoint = (int) value;
                    length = 11;
                }
            }
            if (codePoint < 0) {
                at = s.indexOf("_x", at + 1);
                continue;
            }
            out.append(s, copied, at).appendCodePoint(codePoint);
            copied = at + length;
            at = s.indexOf("_x", copied);
        }
        return out.append(s, copied, s.length()).toString();
    }

    /**
     * Encodes as PowerShell's serializer does: control characters, the two non-characters
     * U+FFFE/U+FFFF and unpaired surrogates become {@code _xHHHH_}, and an underscore
     * before {@code x} becomes {@code _x005F_}. The lab writes its CliXml with this.
     */
    public static String encode(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = c < 0x20 || c == 0xFFFE || c == 0xFFFF
                    || (c == '_' && i + 1 < s.length() && s.charAt(i + 1) == 'x')
                    || isUnpairedSurrogate(s, i);
            if (escape && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (escape) {
                out.append(String.format("_x%04X_", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isEscape(String s, int at, int digits) {
        int close = at + 2 + digits;
        if (close >= s.length() || s.charAt(close) != '_') {
            return false;
        }
        for (int i = at + 2; i < close; i++) {
            char c = s.charAt(i);
            // ASCII only: Character.digit would also take other scripts' digits
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
