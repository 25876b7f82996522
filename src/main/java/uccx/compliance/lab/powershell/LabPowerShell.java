package uccx.compliance.lab.powershell;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uccx.compliance.lab.LabState;

/**
 * What the lab's Exchange servers run when a WinRM command arrives: {@code powershell.exe} with
 * an {@code -EncodedCommand} bootstrap that reads the collector script from standard input up to
 * a sentinel line, answered as PowerShell 2.0 on Exchange 2010 would answer it. Anything the lab
 * does not expect is a violation that fails the run: an unknown section, a command that writes,
 * a command line that is not PowerShell.
 */
public final class LabPowerShell {

    /** The sections the lab knows besides the facts. */
    private static final Set<String> FRAME_SECTIONS = Set.of("parameters", "setup", "end");

    private static final Pattern ENCODED = Pattern.compile("(?i)-e(?:nc(?:odedcommand)?)?\\s+([A-Za-z0-9+/=]+)");
    private static final Pattern SENTINEL = Pattern.compile("-ne\\s+'([^']+)'");

    private final LabState state;
    private final Clock clock;
    private final Consumer<String> violations;

    public LabPowerShell(LabState state, Clock clock, Consumer<String> violations) {
        this.state = state;
        this.clock = clock;
        this.violations = violations;
    }

    /** What a command writes and how it ends. */
    public record Result(String stdout, String stderr, int exitCode) {
    }

    /** Starts one command; it answers once its standard input has delivered the whole script. */
    public Session start(String commandLine) {
        if (!commandLine.trim().toLowerCase(java.util.Locale.ROOT).startsWith("powershell.exe")) {
            violations.accept("the lab received a command that is not powershell.exe: " + abbreviate(commandLine));
            String program = commandLine.trim().split("\\s+")[0];
            return Session.finished(new Result("", "'" + program + "' is not recognized as an internal or external command,\r\n"
                    + "operable program or batch file.\r\n", 1));
        }
        Matcher encoded = ENCODED.matcher(commandLine);
        String bootstrap = encoded.find() ? new String(Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_16LE) : "";
        refuseWriting(bootstrap);
        Matcher sentinel = SENTINEL.matcher(bootstrap);
        if (!commandLine.contains("-OutputFormat XML") || !sentinel.find()) {
            violations.accept("the lab expected the collector's bootstrap (-OutputFormat XML, reading standard input up to a sentinel), got: "
                    + abbreviate(bootstrap.isEmpty() ? commandLine : bootstrap));
            return Session.finished(new Result("", "", 1));
        }
        return new Session(sentinel.group(1), this::answer);
    }

    private Result answer(String script) {
        refuseWriting(script);
        ScriptSections sections = ScriptSections.of(script);
        ExchangeAnswers answers = new ExchangeAnswers(state, clock, sections);
        CliXmlWriter out = new CliXmlWriter();
        for (ScriptSections.Section section : sections.sections()) {
            String name = section.name();
            if (name.equals("end")) {
                out.write(answers.end());
            } else if (name.startsWith("fact:")) {
                Optional<List<Serialized>> records = answers.answer(name.substring("fact:".length()));
                records.ifPresentOrElse(r -> r.forEach(out::write),
                        () -> violations.accept("the lab does not know the script section '" + name + "': script and lab have drifted apart"));
            } else if (!FRAME_SECTIONS.contains(name)) {
                violations.accept("the lab does not know the script section '" + name + "': script and lab have drifted apart");
            }
        }
        return new Result(out.finish(), "", 0);
    }

    private void refuseWriting(String powerShell) {
        List<String> writing = WritingCommands.in(powerShell);
        if (!writing.isEmpty()) {
            violations.accept("the lab received commands that could change Exchange: " + String.join(", ", writing));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** One running command: collects standard input until the sentinel line, then answers. */
    public static final class Session {
        private final String sentinel;
        private final java.util.function.Function<String, Result> answer;
        private final StringBuilder received = new StringBuilder();
        private final StringBuilder script = new StringBuilder();
        private Result result;

        private Session(String sentinel, java.util.function.Function<String, Result> answer) {
            this.sentinel = sentinel;
            this.answer = answer;
        }

        private static Session finished(Result result) {
            Session session = new Session(null, s -> result);
            session.result = result;
            return session;
        }

        /** Standard input as it arrives, in chunks that may cut lines anywhere. */
        public synchronized void input(String chunk) {
            if (result != null) {
                return;
            }
            received.append(chunk);
            int newline;
            while ((newline = received.indexOf("\n")) >= 0) {
                String line = received.substring(0, newline).replace("\r", "");
                received.delete(0, newline + 1);
                if (line.equals(sentinel)) {
                    result = answer.apply(script.toString());
                    return;
                }
                script.append(line).append('\n');
            }
        }

        public synchronized Optional<Result> result() {
            return Optional.ofNullable(result);
        }
    }
}
