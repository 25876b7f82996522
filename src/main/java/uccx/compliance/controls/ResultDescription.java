package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The description of one result, for an auditor who never saw the suite: the checklist step in
 * plain words, why it matters for UCCX, each threshold with where its number came from (the
 * checklist, the environment file, or the need derived from the agent count), and the
 * documentation of the cmdlets involved.
 */
public final class ResultDescription {

    private ResultDescription() {
    }

    public static String html(Control control, SettingsTable settings) {
        StringBuilder html = new StringBuilder()
                .append("<p><b>").append(escape(control.id() + " " + control.title())).append("</b> (checklist: ")
                .append(escape(control.checklistStep())).append(")</p>")
                .append("<p><b>Checklist step:</b> ").append(escape(control.step())).append("</p>")
                .append("<p><b>Why it matters for UCCX:</b> ").append(escape(control.why())).append("</p>");
        List<Threshold> thresholds = settings.thresholds();
        if (!thresholds.isEmpty()) {
            html.append("<p><b>Thresholds:</b></p><ul>").append(thresholds.stream()
                    .map(t -> "<li>" + escape(t.setting() + ": at least " + t.minimum() + " (" + t.reason() + ")") + "</li>")
                    .collect(Collectors.joining())).append("</ul>");
        }
        List<SettingCheck> others = settings.rows().stream().filter(r -> r.threshold().isEmpty()).toList();
        if (!others.isEmpty()) {
            html.append("<p><b>Expected:</b></p><ul>").append(others.stream()
                    .map(r -> "<li>" + escape(r.setting() + ": " + r.expected()) + "</li>").distinct()
                    .collect(Collectors.joining())).append("</ul>");
        }
        if (!control.docs().isEmpty()) {
            html.append("<p><b>Documentation:</b> ").append(control.docs().stream()
                    .map(d -> "<a href=\"" + escape(d.url()) + "\">" + escape(d.name()) + "</a>")
                    .collect(Collectors.joining(", "))).append("</p>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
