package uccx.compliance.evidence.oscal;

import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import gov.nist.secauto.oscal.lib.model.BackMatter;
import gov.nist.secauto.oscal.lib.model.Finding;
import gov.nist.secauto.oscal.lib.model.FindingTarget;
import gov.nist.secauto.oscal.lib.model.Hash;
import gov.nist.secauto.oscal.lib.model.ImportAp;
import gov.nist.secauto.oscal.lib.model.InventoryItem;
import gov.nist.secauto.oscal.lib.model.Metadata;
import gov.nist.secauto.oscal.lib.model.Observation;
import gov.nist.secauto.oscal.lib.model.Property;
import gov.nist.secauto.oscal.lib.model.ResponsibleParty;
import gov.nist.secauto.oscal.lib.model.Result;
import gov.nist.secauto.oscal.lib.model.ReviewedControls;
import gov.nist.secauto.oscal.lib.model.Risk;
import gov.nist.secauto.oscal.lib.model.SelectControlById;
import gov.nist.secauto.oscal.lib.model.SubjectReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import uccx.compliance.controls.Control;
import uccx.compliance.environment.Waiver;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.KeptTranscript;
import uccx.compliance.evidence.Outcome;

/**
 * One run as an OSCAL 1.1 Assessment Results document, built from the library's model classes
 * (NIST OSCAL AR model: https://pages.nist.gov/OSCAL-Reference/models/v1.1.3/assessment-results/json-reference/).
 * <ul>
 * <li>one {@code result} for the run; its {@code reviewed-controls} name the checklist's control IDs
 * as they are ({@code IMAP-01} is a valid OSCAL token);</li>
 * <li>one {@code observation} per control and target: method EXAMINE for the controls that judge
 * collected facts, TEST for the live probes; its subject is the target (an inventory item of the
 * result); its relevant evidence points to back-matter resources naming bundle files and their SHA-256;</li>
 * <li>one {@code finding} per non-compliant or could-not-verify result: objective status
 * not-satisfied, reason {@code fail} or {@code other} (could not verify), told apart by the
 * {@code outcome} property too;</li>
 * <li>one {@code risk} per waiver the result met: {@code deviation-approved} with the waiver's
 * expiry as deadline and the approver as a party, or, for an expired waiver, {@code open}.</li>
 * </ul>
 * The assessment plan OSCAL requires ({@code import-ap}) is the one {@link AssessmentPlanDocuments} writes
 * beside it: the checklist against the environment file, which the back matter lists with its hash too.
 */
final class AssessmentResultsDocument {

    /** OSCAL version of the model classes and schemas of liboscal-java 5.2.0. */
    static final String OSCAL_VERSION = "1.1.3";
    /** The namespace of the suite's own properties (OSCAL's own names stay without one). */
    static final URI NS = URI.create("urn:uccx-exchange-compliance");
    static final String PLAN_FILE = "environment.yaml";
    private static final String APPROVER_ROLE = "waiver-approver";
    /** The files behind every fact a configuration control judges. */
    private static final List<String> COLLECTED_FACTS = List.of("snapshot.xml", "collect.ps1", "snapshot-source.txt");
    private static final String OUTCOMES = "summary.json";

    private final AssessedRun run;
    private final Map<String, EvidenceFile> evidence = new LinkedHashMap<>();
    private final Map<String, UUID> parties = new LinkedHashMap<>();

    /** @param evidence the bundle's files the document may name, with their hashes */
    private AssessmentResultsDocument(AssessedRun run, List<EvidenceFile> evidence) {
        this.run = run;
        evidence.forEach(f -> this.evidence.put(f.path(), f));
    }

    static AssessmentResults of(AssessedRun run, List<EvidenceFile> evidence) {
        return new AssessmentResultsDocument(run, evidence).build();
    }

    private AssessmentResults build() {
        AssessmentResults document = new AssessmentResults();
        document.setUuid(uuid("document"));
        Metadata metadata = metadata();
        document.setMetadata(metadata);
        ImportAp plan = new ImportAp();
        plan.setHref(URI.create(AssessmentPlanDocuments.PLAN));
        plan.setRemarks(Prose.paragraphs("The plan is the suite's checklist (Cisco tech note 117589 and the suite's own controls) "
                + "applied with environment.yaml of this bundle. The plan and the documents it imports (a generated minimal system "
                + "description, a profile, the checklist as a catalog) are written beside this file so that OSCAL's import chain "
                + "resolves; they are no separate, approved assessment plan."));
        document.setImportAp(plan);
        document.addResult(result());
        parties.forEach((name, uuid) -> metadata.addParty(party(name, uuid)));
        if (!parties.isEmpty()) {
            ResponsibleParty approvers = new ResponsibleParty();
            approvers.setRoleId(APPROVER_ROLE);
            parties.values().forEach(approvers::addPartyUuid);
            metadata.addResponsibleParty(approvers);
        }
        document.setBackMatter(backMatter());
        return document;
    }

    private Metadata metadata() {
        Metadata metadata = new Metadata();
        metadata.setTitle(Prose.line("UCCX Exchange compliance: environment " + run.environment() + ", run " + run.runId()));
        metadata.setLastModified(at(run.finished()));
        metadata.setVersion(run.suiteVersion());
        metadata.setOscalVersion(OSCAL_VERSION);
        metadata.addProp(prop("environment", run.environment()));
        metadata.addProp(prop("run", run.runId()));
        Metadata.Role approver = new Metadata.Role();
        approver.setId(APPROVER_ROLE);
        approver.setTitle(Prose.line("Waiver approver"));
        approver.setDescription(Prose.paragraphs("Approved a waiver of the environment file (approvedBy) that this run met."));
        metadata.addRole(approver);
        return metadata;
    }

    private Result result() {
        Result result = new Result();
        result.setUuid(uuid("result"));
        result.setTitle(Prose.line("Run " + run.runId() + " against " + run.environment()));
        result.setDescription(Prose.paragraphs("Every control of the checklist for every target of environment " + run.environment()
                + ", as summary.json of run " + run.runId() + " records it."));
        result.setStart(at(run.started()));
        result.setEnd(at(run.finished()));
        List<ControlResult> results = run.results().stream()
                .sorted(Comparator.comparingInt((ControlResult r) -> checklistOrder(r.control())).thenComparing(ControlResult::target)).toList();
        result.setReviewedControls(reviewedControls(results));
        Result.LocalDefinitions targets = new Result.LocalDefinitions();
        results.stream().map(r -> targetName(r.target())).distinct().forEach(t -> targets.addInventoryItem(target(t)));
        if (!results.isEmpty()) {
            result.setLocalDefinitions(targets);
        }
        for (ControlResult r : results) {
            Observation observation = observation(r);
            result.addObservation(observation);
            Optional<Risk> risk = waiverMet(r).map(w -> risk(r, w, observation.getUuid()));
            risk.ifPresent(result::addRisk);
            if (r.outcome().failsRun()) {
                result.addFinding(finding(r, observation.getUuid(), risk.map(Risk::getUuid)));
            }
        }
        return result;
    }

    private static ReviewedControls reviewedControls(List<ControlResult> results) {
        ReviewedControls reviewed = new ReviewedControls();
        reviewed.setDescription(Prose.paragraphs("The checklist's controls this run judged, by their IDs as the suite's README, "
                + "the report, remediation.ps1 and the environment file's waivers name them."));
        ReviewedControls.ControlSelection selection = new ReviewedControls.ControlSelection();
        results.stream().map(ControlResult::control).distinct().forEach(id -> {
            SelectControlById control = new SelectControlById();
            control.setControlId(id);
            selection.addIncludeControl(control);
        });
        reviewed.addControlSelection(selection);
        return reviewed;
    }

    private Observation observation(ControlResult r) {
        Optional<Control> control = control(r.control());
        boolean probe = control.map(c -> c.section() == Control.Section.LIVE).orElse(false);
        Observation observation = new Observation();
        observation.setUuid(observationUuid(r));
        observation.setTitle(Prose.line(r.control() + " on " + targetName(r.target()) + ": " + r.outcome().label()));
        observation.setDescription(Prose.paragraphs(control.map(c -> c.title() + ". ").orElse("") + r.message()));
        observation.addProp(prop("control", r.control()));
        observation.addProp(prop("target", targetName(r.target())));
        observation.addProp(prop("outcome", r.outcome().label()));
        // TEST: the suite exercised the target (IMAP logins, SMTP, ports); EXAMINE: it read the configuration (NIST SP 800-53A methods).
        observation.addMethod(probe ? "TEST" : "EXAMINE");
        observation.addType("control-objective");
        SubjectReference subject = new SubjectReference();
        subject.setSubjectUuid(targetUuid(targetName(r.target())));
        subject.setType("inventory-item");
        subject.setTitle(Prose.line(targetName(r.target())));
        observation.addSubject(subject);
        evidenceOf(probe, r).forEach(file -> {
            Observation.RelevantEvidence relevant = new Observation.RelevantEvidence();
            relevant.setHref(URI.create("#" + resourceUuid(file.path())));
            relevant.setDescription(Prose.paragraphs(file.path() + " (SHA-256 " + file.sha256() + "): " + describe(file.path())));
            observation.addRelevantEvidence(relevant);
        });
        observation.setCollected(at(probe ? run.finished() : run.factsCollected().orElse(run.finished())));
        if (probe && !evidence.containsKey(KeptTranscript.pathOf(r.control(), r.target()))) {
            observation.setRemarks(Prose.paragraphs("No transcript of this probe is in the bundle (the probe did not run, or ran "
                    + "before it could speak); the result's message says why."));
        }
        return observation;
    }

    /**
     * The bundle files an observation rests on: its outcome, and for a configuration control the
     * collected facts, for a live control the probe's transcript.
     */
    private List<EvidenceFile> evidenceOf(boolean probe, ControlResult r) {
        List<String> names = probe ? List.of(OUTCOMES, KeptTranscript.pathOf(r.control(), r.target()))
                : Stream.concat(Stream.of(OUTCOMES), COLLECTED_FACTS.stream()).toList();
        return names.stream().map(evidence::get).filter(Objects::nonNull).toList();
    }

    private Finding finding(ControlResult r, UUID observation, Optional<UUID> risk) {
        boolean unverified = r.outcome() == Outcome.COULD_NOT_VERIFY;
        Finding finding = new Finding();
        finding.setUuid(uuid("finding", r.control(), r.target()));
        finding.setTitle(Prose.line(r.control() + (unverified ? " could not be verified on " : " is not satisfied on ")
                + targetName(r.target())));
        finding.setDescription(Prose.paragraphs(r.message()));
        finding.addProp(prop("control", r.control()));
        finding.addProp(prop("target", targetName(r.target())));
        finding.addProp(prop("outcome", r.outcome().label()));
        FindingTarget target = new FindingTarget();
        target.setType("objective-id");
        target.setTargetId(r.control());
        target.setTitle(Prose.line(control(r.control()).map(Control::title).orElse(r.control()) + " · " + targetName(r.target())));
        FindingTarget.Status status = new FindingTarget.Status();
        status.setState("not-satisfied");
        // OSCAL's reasons are pass, fail and other: "other" is a result the suite could not judge, not a violation found.
        status.setReason(unverified ? "other" : "fail");
        if (unverified) {
            status.setRemarks(Prose.paragraphs("could-not-verify: the suite could not judge the control on this target; "
                    + "the run fails until it can."));
        }
        target.setStatus(status);
        finding.setTarget(target);
        Finding.RelatedObservation related = new Finding.RelatedObservation();
        related.setObservationUuid(observation);
        finding.addRelatedObservation(related);
        risk.ifPresent(uuid -> {
            Finding.AssociatedRisk associated = new Finding.AssociatedRisk();
            associated.setRiskUuid(uuid);
            finding.addAssociatedRisk(associated);
        });
        return finding;
    }

    /**
     * The waiver the run met for this result, as the run judged it ({@code ControlRun}): for a waived
     * result the first covering waiver valid on the run's day, otherwise the first covering one
     * that had expired. Nothing for a result no waiver covers.
     */
    private Optional<Waiver> waiverMet(ControlResult r) {
        LocalDate day = run.started().atZone(ZoneOffset.UTC).toLocalDate();
        List<Waiver> covering = run.waivers().stream().filter(w -> w.covers(r.control(), r.target())).toList();
        if (r.outcome() == Outcome.WAIVED) {
            return covering.stream().filter(w -> w.isValidOn(day)).findFirst().or(() -> covering.stream().findFirst());
        }
        return covering.stream().filter(w -> !w.isValidOn(day)).findFirst();
    }

    private Risk risk(ControlResult r, Waiver waiver, UUID observation) {
        boolean applied = r.outcome() == Outcome.WAIVED;
        Risk risk = new Risk();
        risk.setUuid(uuid("risk", r.control(), r.target()));
        risk.setTitle(Prose.line((applied ? "Waived: " : "Expired waiver: ") + r.control() + " on " + targetName(r.target())));
        risk.setDescription(Prose.paragraphs("The waiver " + waiver.describe()));
        risk.setStatement(Prose.paragraphs(applied
                ? r.control() + " is not judged on " + targetName(r.target()) + " while the waiver holds: the deviation is accepted "
                        + "until " + waiver.expires() + " (ticket " + waiver.ticket() + ")."
                : "The waiver for " + r.control() + " on " + targetName(r.target()) + " expired on " + waiver.expires()
                        + "; the control is judged again and its finding stands."));
        // deviation-approved and open are OSCAL's risk-status values for an accepted deviation and an unresolved one.
        risk.setStatus(applied ? "deviation-approved" : "open");
        risk.addProp(prop("approved-by", waiver.approvedBy()));
        risk.addProp(prop("ticket", waiver.ticket()));
        risk.addProp(prop("approver-party", approver(waiver.approvedBy()).toString()));
        risk.setDeadline(ZonedDateTime.of(waiver.expires(), LocalTime.of(23, 59, 59), ZoneOffset.UTC));
        Risk.RelatedObservation related = new Risk.RelatedObservation();
        related.setObservationUuid(observation);
        risk.addRelatedObservation(related);
        return risk;
    }

    private UUID approver(String name) {
        return parties.computeIfAbsent(name, n -> NameBasedUuid.of("party", n));
    }

    private static Metadata.Party party(String name, UUID uuid) {
        Metadata.Party party = new Metadata.Party();
        party.setUuid(uuid);
        // approvedBy is a name; the environment file does not say whether a person or a board, so a person it is.
        party.setType("person");
        party.setName(name);
        return party;
    }

    private InventoryItem target(String name) {
        InventoryItem item = new InventoryItem();
        item.setUuid(targetUuid(name));
        item.setDescription(Prose.paragraphs(name + ": a server, receive connector, mailbox or port the checklist's controls ran against."));
        Property assetId = new Property();
        assetId.setName("asset-id");
        assetId.setValue(name);
        item.addProp(assetId);
        return item;
    }

    private BackMatter backMatter() {
        BackMatter backMatter = new BackMatter();
        evidence.values().forEach(file -> {
            BackMatter.Resource resource = new BackMatter.Resource();
            resource.setUuid(resourceUuid(file.path()));
            resource.setTitle(Prose.line(file.path()));
            resource.setDescription(Prose.paragraphs(describe(file.path())));
            BackMatter.Resource.Rlink link = new BackMatter.Resource.Rlink();
            link.setHref(relative(file.path()));
            mediaType(file.path()).ifPresent(link::setMediaType);
            Hash hash = new Hash();
            hash.setAlgorithm("SHA-256");
            hash.setValue(file.sha256());
            link.addHash(hash);
            resource.addRlink(link);
            backMatter.addResource(resource);
        });
        return backMatter;
    }

    private static String describe(String path) {
        return switch (path) {
            case PLAN_FILE -> "The assessment plan: the environment file as run (targets, thresholds, waivers; secrets only as ${VAR}), "
                    + "applied to the suite's checklist (Cisco tech note 117589 and the suite's own controls).";
            case OUTCOMES -> "The run's summary: every control's outcome and message per target.";
            case "snapshot.xml" -> "The collector's output exactly as Exchange wrote it (CliXml): the facts the configuration controls judge.";
            case "collect.ps1" -> "The read-only script that ran and produced snapshot.xml.";
            case "snapshot-source.txt" -> "Where and when snapshot.xml was read.";
            case "remediation.ps1" -> "The fix of every non-compliant result, for review; the suite never runs it.";
            default -> path.startsWith(KeptTranscript.FOLDER + "/") ? "The live probe's conversation with the server, redacted (no password)."
                    : "A file of the run's evidence bundle.";
        };
    }

    /** A bundle path as a relative URI reference, with what a path may not hold (a space, '#', '[') escaped. */
    private static URI relative(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URI path: " + path, e);
        }
    }

    private static Optional<String> mediaType(String path) {
        if (path.endsWith(".json")) {
            return Optional.of("application/json");
        }
        if (path.endsWith(".xml")) {
            return Optional.of("application/xml");
        }
        if (path.endsWith(".yaml")) {
            return Optional.of("application/yaml");
        }
        return path.endsWith(".txt") || path.endsWith(".ps1") ? Optional.of("text/plain") : Optional.empty();
    }

    private static Property prop(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setNs(NS);
        property.setValue(value);
        return property;
    }

    private static Optional<Control> control(String id) {
        return Arrays.stream(Control.values()).filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }

    private static int checklistOrder(String id) {
        return control(id).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    /** A result without a target (none today) is about the organisation. */
    private static String targetName(String target) {
        return target.isBlank() ? "organisation" : target;
    }

    private UUID uuid(String... name) {
        String[] parts = new String[name.length + 2];
        parts[0] = run.environment();
        parts[1] = run.runId();
        System.arraycopy(name, 0, parts, 2, name.length);
        return NameBasedUuid.of(parts);
    }

    private UUID observationUuid(ControlResult r) {
        return uuid("observation", r.control(), r.target());
    }

    /** The same target keeps its UUID from run to run of an environment. */
    private UUID targetUuid(String name) {
        return NameBasedUuid.of(run.environment(), "target", name);
    }

    private UUID resourceUuid(String path) {
        return uuid("resource", path);
    }

    private static ZonedDateTime at(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
