package uccx.compliance.collector.clixml;

import java.util.List;

/**
 * What one PowerShell run wrote, in order, sorted by stream.
 *
 * @param output       the objects of the output stream (objects with no stream mark, or {@code Output})
 * @param errors       the error stream: serialized ErrorRecords and formatted error lines
 * @param otherStreams warnings, verbose, debug, progress and information records
 * @param hostText     text the console host wrote itself, outside any object (banners, WARNING: lines)
 */
public record CliXmlDocument(List<PsValue> output, List<PsError> errors, List<PsStreamItem> otherStreams, List<String> hostText) {

    public CliXmlDocument {
        output = List.copyOf(output);
        errors = List.copyOf(errors);
        otherStreams = List.copyOf(otherStreams);
        hostText = List.copyOf(hostText);
    }

    public CliXmlDocument(List<PsValue> output, List<PsError> errors, List<PsStreamItem> otherStreams) {
        this(output, errors, otherStreams, List.of());
    }

    CliXmlDocument withHostText(List<String> text) {
        return new CliXmlDocument(output, errors, otherStreams, text);
    }

    /** This document with the errors of another stream (powershell.exe writes its error stream to stderr) appended. */
    public CliXmlDocument withErrors(List<PsError> more) {
        List<PsError> all = new java.util.ArrayList<>(errors);
        all.addAll(more);
        return new CliXmlDocument(output, all, otherStreams, hostText);
    }

    /** The warnings' texts, in order. */
    public List<String> warnings() {
        return otherStreams.stream().filter(s -> s.stream().equals(Streams.WARNING)).map(PsStreamItem::text).toList();
    }
}
