package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uccx.compliance.collector.shell.MitKdc.ORDINARY_HOST;
import static uccx.compliance.collector.shell.MitKdc.TRUSTED_HOST;
import static uccx.compliance.collector.shell.MitKdc.USER;
import static uccx.compliance.collector.shell.WinRmShellTest.script;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uccx.compliance.collector.shell.WinRmSettings.Delegation;
import uccx.compliance.lab.winrm.KerberosService;
import uccx.compliance.lab.winrm.ScriptEcho;
import uccx.compliance.lab.winrm.WinRmEndpoint;
import uccx.compliance.lab.winrm.WinRmEndpointSettings;
import uccx.compliance.secrets.PrintedOutput;
import uccx.compliance.secrets.SecretSearch;
import uccx.compliance.tls.Trust;

/**
 * The Kerberos path writes no password either: the audit account logs in to a real KDC (Debian's
 * MIT krb5kdc) with the right password and, on another run, a wrong one, its ticket forwarded
 * to a server trusted for delegation; then everything the runs printed (the JDK's and
 * Overthere's logging included), every failure with its causes and stack trace, the settings as
 * text, and every file written meanwhile under the temporary folder and the build's folder are
 * searched for each password, in plain text and inside any Base64 token.
 *
 * <p>The JDK keeps a TGT in a ticket cache only when asked ({@code useTicketCache}, {@code
 * storeKey}); the suite asks for neither, so no cache file may appear either.
 */
@Tag("proof")
@Tag("kerberos")
@ExtendWith(MitKdc.Shared.class)
class KerberosSecretsTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @Test
    void neitherTheRightNorAWrongPasswordIsWrittenAnywhere(MitKdc kdc) throws Exception {
        String wrong = "Wr0ng-" + Long.toHexString(System.nanoTime());
        Instant started = Instant.now().minusSeconds(1);
        List<String> written = new ArrayList<>();

        String printed = PrintedOutput.of(() -> {
            try (WinRmEndpoint endpoint = WinRmEndpoint.start(WinRmEndpointSettings.http("labuser", "Lab-Pa55-basic")
                    .withKerberos(new KerberosService(kdc.keytab(TRUSTED_HOST), MitKdc.service(TRUSTED_HOST))), ScriptEcho.programs())) {
                WinRmSettings right = settings(endpoint.port(), kdc.password());
                try (WinRmShell shell = new WinRmShell(right)) {
                    written.add(shell.run(script("Get-ExchangeServer", ScriptEcho.SENTINEL)).stdout());
                }
                written.add(right.toString());
                WinRmSettings refused = settings(endpoint.port(), wrong);
                written.add(refused.toString());
                try (WinRmShell shell = new WinRmShell(refused)) {
                    assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL))).isInstanceOf(ShellException.class)
                            .satisfies(failure -> written.add(withCauses(failure)));
                    assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL))).satisfies(failure -> written.add(withCauses(failure)));
                }
            }
        });
        written.add(printed);
        written.addAll(filesWrittenSince(Path.of(System.getProperty("java.io.tmpdir")), started));
        written.addAll(filesWrittenSince(PROJECT.resolve("target"), started));

        assertThat(String.join("\n", written)).as("the runs ran and failed as expected")
                .contains("read: Get-ExchangeServer", "refused the password of " + USER);
        for (String password : List.of(kdc.password(), wrong)) {
            assertThat(written).as("where %s could have leaked", password).noneMatch(text -> SecretSearch.reveals(text, password));
        }
        assertThat(Path.of("/tmp/krb5cc_" + new com.sun.security.auth.module.UnixSystem().getUid()))
                .as("no ticket cache of the runner's").satisfies(cache -> assertThat(!Files.exists(cache)
                        || Files.getLastModifiedTime(cache).toInstant().isBefore(started)).isTrue());
    }

    private static WinRmSettings settings(int port, String password) {
        return new WinRmSettings(TRUSTED_HOST, port, false, USER, password, Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.jvmDefault(),
                Delegation.FOLLOW_KDC_POLICY);
    }

    private static String withCauses(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure + "\n" + trace;
    }

    /** Text of every regular file under {@code root} modified since {@code since}, of those this process may read. */
    private static List<String> filesWrittenSince(Path root, Instant since) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isAfter(since) && attributes.size() < 64L << 20) {
                    try {
                        found.add(file + "\n" + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                    } catch (IOException unreadableOrGone) {
                        // another user's file, or another build's that vanished meanwhile
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException refused) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
