package uccx.compliance.collector.shell;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real KDC for the tests: Debian's MIT krb5kdc (packages krb5-kdc and krb5-admin-server, which
 * {@code .ci/run} installs) with a realm made for this test JVM in a temporary directory, on a
 * free loopback port, with random keys and passwords. Its log tells what the KDC saw
 * (AS_REQ lines with ISSUE, NEEDED_PREAUTH or PREAUTH_FAILED).
 *
 * <p>Principals: {@link #USER} with {@link #password()}, pre-authentication required as Active
 * Directory requires it; {@code WSMAN/127.0.0.1} (an ordinary server) and {@code WSMAN/localhost}
 * ({@code +ok_as_delegate}: "trusted for delegation" in Active Directory's words), each with a
 * keytab for the lab's WinRM endpoint.
 *
 * <p>The client side's krb5.conf is written where {@code java.security.krb5.conf} points, before
 * anything in this JVM uses Kerberos: the JDK reads that file once per JVM, so the KDC is shared
 * by every test of the JVM (kept in JUnit's root store, stopped when the JVM's tests end). It
 * says {@code forwardable = true}, to prove the suite does not delegate even then.
 */
final class MitKdc implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    static final String REALM = "UCCX-LAB.TEST";
    static final String USER = "audit@" + REALM;
    static final String ORDINARY_HOST = "127.0.0.1";
    static final String TRUSTED_HOST = "localhost";
    /** A realm whose KDC is a loopback port nothing listens on. */
    static final String UNREACHABLE_REALM = "NO-KDC.TEST";
    private static final List<String> TOOLS = List.of("/usr/sbin/krb5kdc", "/usr/sbin/kdb5_util", "/usr/sbin/kadmin.local");
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Path dir;
    private final String password;
    private final Process kdc;
    private final int port;
    private final int unreachablePort;

    private MitKdc(Path dir, String password, Process kdc, int port, int unreachablePort) {
        this.dir = dir;
        this.password = password;
        this.kdc = kdc;
        this.port = port;
        this.unreachablePort = unreachablePort;
    }

    /** Gives a test the one KDC of this test JVM ({@code @ExtendWith(MitKdc.Shared.class)}, a MitKdc parameter). */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == MitKdc.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(MitKdc.class))
                    .getOrComputeIfAbsent(MitKdc.class, key -> start(), MitKdc.class);
        }
    }

    private static MitKdc start() {
        for (String tool : TOOLS) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing. Install Debian's MIT KDC (apt-get install krb5-kdc krb5-admin-server; -Pself-test installs it first, src/test/prerequisites/system-packages.sh).");
            }
        }
        String clientConf = System.getProperty("java.security.krb5.conf");
        if (clientConf == null) {
            fail("java.security.krb5.conf is not set: Kerberos tests run in surefire's 'kerberos' execution (pom.xml), a JVM"
                    + " of their own, because the JDK reads krb5.conf once per JVM");
        }
        try {
            Path dir = Files.createTempDirectory("uccx-kdc");
            int port = freePort();
            String password = random();
            Path kdcConf = write(dir.resolve("kdc.conf"), kdcConf(dir, port));
            int unreachablePort = freePort();
            Path krb5Conf = write(dir.resolve("krb5.conf"), krb5Conf(port, unreachablePort));
            Files.createDirectories(Path.of(clientConf).getParent());
            Files.copy(krb5Conf, Path.of(clientConf), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            write(dir.resolve("kadm5.acl"), "");
            Map<String, String> env = Map.of("KRB5_CONFIG", krb5Conf.toString(), "KRB5_KDC_PROFILE", kdcConf.toString());
            String master = random();
            run(env, dir, master + "\n" + master + "\n", "/usr/sbin/kdb5_util", "create", "-s", "-W", "-r", REALM);
            // The password goes in on standard input, as kadmin.local's prompt reads it: never on a command line.
            run(env, dir, password + "\n" + password + "\n", "/usr/sbin/kadmin.local", "-r", REALM, "-q", "addprinc +requires_preauth " + USER);
            for (String host : List.of(ORDINARY_HOST, TRUSTED_HOST)) {
                admin(env, dir, "addprinc -randkey " + service(host));
                admin(env, dir, "ktadd -k " + keytabIn(dir, host) + " " + service(host));
            }
            admin(env, dir, "modprinc +ok_as_delegate " + service(TRUSTED_HOST));
            ProcessBuilder builder = new ProcessBuilder("/usr/sbin/krb5kdc", "-n", "-r", REALM)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("krb5kdc.out").toFile());
            builder.environment().putAll(env);
            Process kdc = builder.start();
            MitKdc started = new MitKdc(dir, password, kdc, port, unreachablePort);
            started.awaitListening();
            return started;
        } catch (IOException e) {
            fail("cannot start the test KDC: " + e.getMessage());
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String service(String host) {
        return "WSMAN/" + host + "@" + REALM;
    }

    String password() {
        return password;
    }

    /** The port krb5.conf gives the KDC of {@link #UNREACHABLE_REALM}, where nothing listens. */
    int unreachablePort() {
        return unreachablePort;
    }

    Path keytab(String host) {
        return keytabIn(dir, host);
    }

    /** The KDC's log lines about the test user's logins (AS_REQ), for example those with PREAUTH_FAILED. */
    List<String> userLogins() throws IOException {
        Path log = dir.resolve("kdc.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("AS_REQ") && line.contains(USER + " for krbtgt/")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The KDC's log lines about service tickets (TGS_REQ) for WSMAN/{@code host}. */
    List<String> serviceTickets(String host) throws IOException {
        Path log = dir.resolve("kdc.log");
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("TGS_REQ") && line.contains("for " + service(host))).toList();
    }

    /** Stops the KDC and removes its realm: database, keytabs and logs. */
    @Override
    public void close() throws InterruptedException, IOException {
        kdc.destroy();
        if (!kdc.waitFor(5, TimeUnit.SECONDS)) {
            kdc.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!kdc.isAlive()) {
                fail("krb5kdc ended at start: " + Files.readString(dir.resolve("krb5kdc.out")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        fail("krb5kdc did not listen on port " + port + " within " + STARTUP.toSeconds() + " s");
    }

    private static String kdcConf(Path dir, int port) {
        return """
                [kdcdefaults]
                 kdc_ports = %2$d
                 kdc_tcp_ports = %2$d
                [realms]
                 %3$s = {
                  database_name = %1$s/principal
                  key_stash_file = %1$s/stash
                  acl_file = %1$s/kadm5.acl
                  admin_keytab = FILE:%1$s/kadm5.keytab
                  kdc_ports = %2$d
                  kdc_tcp_ports = %2$d
                  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
                  max_life = 10h 0m 0s
                 }
                [logging]
                 kdc = FILE:%1$s/kdc.log
                 admin_server = FILE:%1$s/kadmin.log
                 default = FILE:%1$s/krb5.log
                """.formatted(dir, port, REALM);
    }

    /** The client's krb5.conf: this realm only, no DNS, TCP (one port to find free), and forwardable tickets. */
    private static String krb5Conf(int port, int closedPort) {
        return """
                [libdefaults]
                 default_realm = %2$s
                 forwardable = true
                 dns_lookup_kdc = false
                 dns_lookup_realm = false
                 dns_canonicalize_hostname = false
                 rdns = false
                 udp_preference_limit = 1
                 kdc_timeout = 5000
                 max_retries = 1
                [realms]
                 %2$s = {
                  kdc = 127.0.0.1:%1$d
                 }
                 %4$s = {
                  kdc = 127.0.0.1:%3$d
                 }
                """.formatted(port, REALM, closedPort, UNREACHABLE_REALM);
    }

    private static Path keytabIn(Path dir, String host) {
        return dir.resolve("wsman-" + host + ".keytab");
    }

    private static void admin(Map<String, String> env, Path dir, String query) throws IOException, InterruptedException {
        run(env, dir, "", "/usr/sbin/kadmin.local", "-r", REALM, "-q", query);
    }

    /** Runs a KDC tool with {@code input} on its standard input; its output goes to a file. */
    private static void run(Map<String, String> env, Path dir, String input, String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("tool.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail(command[0] + " did not finish in 30 s");
        }
        if (process.exitValue() != 0) {
            fail(command[0] + " " + command[1] + " failed with exit code " + process.exitValue());
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "Kdc-" + HexFormat.of().formatHex(bytes);
    }
}
