package uccx.compliance.evidence.oscal;

import gov.nist.secauto.metaschema.core.datatype.markup.MarkupLine;
import gov.nist.secauto.metaschema.core.datatype.markup.MarkupMultiline;
import java.util.stream.Collectors;

/**
 * The suite's plain text as OSCAL markup. Built from escaped HTML, not Markdown: a message such as
 * {@code Get-Mailbox *_uccx} must come out as written, not as emphasis.
 */
final class Prose {

    private Prose() {
    }

    static MarkupLine line(String text) {
        return MarkupLine.fromHtml(escape(text.strip().replaceAll("\\s*\\R\\s*", " ")));
    }

    /** One paragraph per non-blank line. */
    static MarkupMultiline paragraphs(String text) {
        String html = text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> "<p>" + escape(l) + "</p>")
                .collect(Collectors.joining());
        return MarkupMultiline.fromHtml(html.isEmpty() ? "<p>(none)</p>" : html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
