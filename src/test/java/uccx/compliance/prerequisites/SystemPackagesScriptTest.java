package uccx.compliance.prerequisites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decisions of {@code src/test/prerequisites/system-packages.sh}, which the self-test build runs
 * first: it is run by bash with a PATH of stand-ins only ({@code id}, {@code apt-get}, the tools the
 * packages bring), so that what it would install, and when it must stop instead, is seen without
 * touching this machine's packages. The stand-in apt-get records its calls and, on {@code install},
 * puts the stand-ins of the packages it was asked for where Debian's packages put the real tools.
 */
class SystemPackagesScriptTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();
    static final Path SCRIPT = PROJECT.resolve("src/test/prerequisites/system-packages.sh");

    @TempDir
    Path machine;

    private Path bin;
    private Path sbin;
    private Path aptCalls;

    @BeforeEach
    void aMachineWithoutAnyOfThem() throws IOException {
        bin = Files.createDirectories(machine.resolve("bin"));
        sbin = Files.createDirectories(machine.resolve("sbin"));
        aptCalls = machine.resolve("apt-get.calls");
        // pywinrm is importable once the stand-in apt-get installed python3-winrm
        executable(machine.resolve("python3"), "[ -f " + machine.resolve("winrm-installed") + " ]");
    }

    @Test
    void saysNothingAndInstallsNothingWhenAllIsThere() throws Exception {
        everythingInstalled();
        root();
        aptGet(0);

        Result result = run("install");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).isEmpty();
        assertThat(aptCalls).doesNotExist();
    }

    @Test
    void asRootOnDebianInstallsExactlyWhatIsMissing() throws Exception {
        everythingInstalled();
        Files.delete(bin.resolve("chromium"));
        Files.delete(sbin.resolve("kadmin.local"));
        root();
        aptGet(0);

        Result result = run("install");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readAllLines(aptCalls)).containsExactly("update -qq", "install -y -qq chromium krb5-admin-server");
        assertThat(result.output().lines()).containsExactly(
                "Installing what -Pself-test needs: chromium (to read the Allure report as a browser shows it); krb5-admin-server ("
                        + sbin + "/kadmin.local, the Kerberos tests' principals)",
                "Installed: apt-get install -y chromium krb5-admin-server");
        assertThat(bin.resolve("chromium")).isExecutable();
    }

    @Test
    void onAFreshMachineInstallsAllSevenPackages() throws Exception {
        root();
        aptGet(0);

        Result result = run("install");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readAllLines(aptCalls)).containsExactly("update -qq",
                "install -y -qq nodejs npm chromium python3-winrm krb5-kdc krb5-admin-server openssl");
    }

    @Test
    void chromiumUnderItsOtherNameCounts() throws Exception {
        everythingInstalled();
        Files.move(bin.resolve("chromium"), bin.resolve("chromium-browser"));
        root();
        aptGet(0);

        assertThat(run("install").exit()).isZero();
        assertThat(aptCalls).doesNotExist();
    }

    @Test
    void withoutRootStopsWithOneLineNamingTheCommand() throws Exception {
        everythingInstalled();
        Files.delete(bin.resolve("chromium"));
        Files.delete(machine.resolve("winrm-installed"));
        user();
        aptGet(0);

        Result result = run("install");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().lines()).containsExactly("Missing for -Pself-test: chromium (to read the Allure report as a browser "
                + "shows it); python3-winrm (pywinrm for " + machine.resolve("python3") + ", a second WinRM client against the lab); "
                + "install them as root: sudo apt-get install -y chromium python3-winrm");
        assertThat(aptCalls).doesNotExist();
    }

    @Test
    void withoutAptGetNamesDebiansPackages() throws Exception {
        everythingInstalled();
        Files.delete(bin.resolve("npm"));
        root();

        Result result = run("install");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().lines()).containsExactly("Missing for -Pself-test: npm (npm, for the grammar check of the collector "
                + "script); this is no Debian system: install the equivalents of Debian's apt-get install -y npm");
    }

    @Test
    void checkOnlyNeverInstalls() throws Exception {
        everythingInstalled();
        Files.delete(sbin.resolve("krb5kdc"));
        root();
        aptGet(0);

        Result result = run("check");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().lines()).singleElement().asString().endsWith("; install them: apt-get install -y krb5-kdc");
        assertThat(aptCalls).doesNotExist();

        user();
        assertThat(run("check").output()).endsWith("; install them: sudo apt-get install -y krb5-kdc\n");
    }

    @Test
    void aFailedInstallStopsWithOneLineAndKeepsAptGetsOutput() throws Exception {
        everythingInstalled();
        Files.delete(bin.resolve("chromium"));
        root();
        aptGet(100);

        Result result = run("install");

        assertThat(result.exit()).isEqualTo(1);
        List<String> lines = result.output().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("apt-get install -y chromium failed (the self-test cannot run without chromium); "
                + "apt-get's output: " + machine.resolve("tmp") + "/uccx-self-test-apt-get.");
        assertThat(Files.readString(Path.of(lines.get(1).substring(lines.get(1).indexOf("output: ") + 8))))
                .contains("E: Unable to fetch");
    }

    @Test
    void anInstallThatBringsNotWhatWasMissingIsNoSuccess() throws Exception {
        everythingInstalled();
        Files.delete(machine.resolve("winrm-installed"));
        root();
        // an apt-get that installs nothing, as one pointed at a mirror without the package would
        executable(bin.resolve("apt-get"), "echo \"$*\" >> " + aptCalls);

        Result result = run("install");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().lines()).last().asString().startsWith("still missing after apt-get install -y python3-winrm: python3-winrm");
    }

    private record Result(int exit, String output) {
    }

    private Result run(String mode) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", SCRIPT.toString(), mode).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", bin.toString());
        environment.put("TMPDIR", Files.createDirectories(machine.resolve("tmp")).toString());
        environment.put("UCCX_PREREQUISITES_PYTHON", machine.resolve("python3").toString());
        environment.put("UCCX_PREREQUISITES_SBIN", sbin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private void everythingInstalled() throws IOException {
        for (String tool : List.of("node", "npm", "chromium", "openssl")) {
            executable(bin.resolve(tool), "exit 0");
        }
        for (String tool : List.of("krb5kdc", "kdb5_util", "kadmin.local")) {
            executable(sbin.resolve(tool), "exit 0");
        }
        Files.writeString(machine.resolve("winrm-installed"), "");
    }

    private void root() throws IOException {
        executable(bin.resolve("id"), "echo 0");
    }

    private void user() throws IOException {
        executable(bin.resolve("id"), "echo 1000");
    }

    /** A stand-in apt-get that records its calls and, when it succeeds, installs the stand-ins of the packages named. */
    private void aptGet(int exit) throws IOException {
        String installs = """
                echo "$*" >> %1$s
                if [ %2$d -ne 0 ]; then echo 'E: Unable to fetch some archives'; exit %2$d; fi
                tool() { echo 'exit 0' > "$1"; /bin/chmod +x "$1"; }
                for p in "$@"; do
                  case $p in
                    nodejs) tool %3$s/node ;;
                    npm) tool %3$s/npm ;;
                    chromium) tool %3$s/chromium ;;
                    python3-winrm) : > %4$s ;;
                    krb5-kdc) tool %5$s/krb5kdc; tool %5$s/kdb5_util ;;
                    krb5-admin-server) tool %5$s/kadmin.local ;;
                    openssl) tool %3$s/openssl ;;
                  esac
                done
                """.formatted(aptCalls, exit, bin, machine.resolve("winrm-installed"), sbin);
        executable(bin.resolve("apt-get"), installs);
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
