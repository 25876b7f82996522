/**
 * CliXml, the XML PowerShell serializes objects to, read as powershell.exe 2.0 and later write it.
 *
 * <p>{@link uccx.compliance.collector.clixml.CliXml#parse(String)} takes a run's stdout (or
 * stderr, or an Export-Clixml file) and gives the output objects, the errors and the other
 * streams apart. Facts are read by name and text, because that is what survives remoting:
 * <pre>{@code
 * PsValue connector = document.output().get(0);
 * connector.property("Identity").map(PsValue::text);            // "EXCH01\UCCX Relay"
 * connector.property("MaxInboundConnection").map(PsValue::text); // "unlimited" (2010) or "5000"
 * policy.property("CPAMaxConcurrency");                         // empty on 2010 RTM, PsNull when $null
 * document.errors().stream().anyMatch(e -> e.hasErrorId("NoMatchingEventsFound"));
 * }</pre>
 */
package uccx.compliance.collector.clixml;
