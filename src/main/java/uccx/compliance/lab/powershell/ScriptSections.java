package uccx.compliance.lab.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script the lab received, cut into its named sections ({@code #region fact:imapSettings}
 * ... {@code #endregion}) and the values its parameters section sets. The lab answers section by
 * section; it does not run PowerShell.
 */
record ScriptSections(List<Section> sections, Map<String, List<String>> parameters) {

    record Section(String name, String body) {
    }

    private static final Pattern REGION = Pattern.compile("(?m)^#region\\s+(\\S+)\\s*$(.*?)^#endregion\\s*$", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^\\$(\\w+)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    static ScriptSections of(String script) {
        List<Section> sections = new ArrayList<>();
        Matcher m = REGION.matcher(script);
        while (m.find()) {
            sections.add(new Section(m.group(1), m.group(2)));
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        sections.stream().filter(s -> s.name().equals("parameters")).findFirst().ifPresent(p -> {
            Matcher a = ASSIGNMENT.matcher(p.body());
            while (a.find()) {
                parameters.put(a.group(1), values(a.group(2)));
            }
        });
        return new ScriptSections(sections, parameters);
    }

    /** A parameter's values: the items of @('a', 'b'), a quoted string, or a bare number. */
    private static List<String> values(String expression) {
        List<String> values = new ArrayList<>();
        Matcher q = QUOTED.matcher(expression);
        while (q.find()) {
            values.add(q.group(1).replace("''", "'"));
        }
        if (values.isEmpty() && !expression.startsWith("@(")) {
            values.add(expression);
        }
        return values;
    }

    private static final Pattern ERROR_VARIABLE = Pattern.compile("(?i)\\s-(?:ErrorVariable|ev)\\s+\\+?(\\w+)");

    /**
     * Whether a section keeps the errors of its call to {@code cmdlet}: the call names an
     * {@code -ErrorVariable} and the section reads that variable afterwards. A non-terminating error
     * of a call that does not is seen by nothing but the error stream.
     */
    static boolean capturesErrorsOf(String body, String cmdlet) {
        Matcher call = Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(cmdlet) + "(?![\\w-])").matcher(body);
        while (call.find()) {
            int end = body.length();
            for (char stop : new char[] {'|', '\n', ';'}) {
                int at = body.indexOf(stop, call.end());
                end = at >= 0 ? Math.min(end, at) : end;
            }
            Matcher variable = ERROR_VARIABLE.matcher(body.substring(call.end(), end));
            if (variable.find() && Pattern.compile("(?i)\\$" + variable.group(1) + "\\b").matcher(body.substring(end)).find()) {
                return true;
            }
        }
        return false;
    }

    List<String> list(String parameter) {
        return parameters.getOrDefault(parameter, List.of());
    }

    /**
     * Whether the script reads some facts on a RunspacePool of its own ({@code [RunspaceFactory]::CreateRunspacePool}
     * in its setup): its per-server sections then queue their reads, and a later section waits for them.
     */
    boolean opensRunspacePool() {
        return sections.stream().anyMatch(s -> s.name().equals("setup") && s.body().contains("CreateRunspacePool("));
    }

    /** A whole-number parameter, or {@code fallback} when the parameters section does not set it (the lab reports that). */
    int number(String parameter, int fallback) {
        try {
            return Integer.parseInt(value(parameter).trim());
        } catch (NumberFormatException unset) {
            return fallback;
        }
    }

    String value(String parameter) {
        List<String> values = list(parameter);
        return values.isEmpty() ? "" : values.get(0);
    }
}
