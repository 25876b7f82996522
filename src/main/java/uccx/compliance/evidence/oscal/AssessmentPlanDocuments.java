package uccx.compliance.evidence.oscal;

import gov.nist.secauto.oscal.lib.model.AssessmentPlan;
import gov.nist.secauto.oscal.lib.model.AuthorizationBoundary;
import gov.nist.secauto.oscal.lib.model.ByComponent;
import gov.nist.secauto.oscal.lib.model.Catalog;
import gov.nist.secauto.oscal.lib.model.CatalogGroup;
import gov.nist.secauto.oscal.lib.model.ControlImplementation;
import gov.nist.secauto.oscal.lib.model.ControlPart;
import gov.nist.secauto.oscal.lib.model.ImplementedRequirement;
import gov.nist.secauto.oscal.lib.model.ImportProfile;
import gov.nist.secauto.oscal.lib.model.ImportSsp;
import gov.nist.secauto.oscal.lib.model.IncludeAll;
import gov.nist.secauto.oscal.lib.model.Link;
import gov.nist.secauto.oscal.lib.model.Metadata;
import gov.nist.secauto.oscal.lib.model.Profile;
import gov.nist.secauto.oscal.lib.model.ProfileImport;
import gov.nist.secauto.oscal.lib.model.ReviewedControls;
import gov.nist.secauto.oscal.lib.model.Status;
import gov.nist.secauto.oscal.lib.model.SystemCharacteristics;
import gov.nist.secauto.oscal.lib.model.SystemComponent;
import gov.nist.secauto.oscal.lib.model.SystemId;
import gov.nist.secauto.oscal.lib.model.SystemImplementation;
import gov.nist.secauto.oscal.lib.model.SystemInformation;
import gov.nist.secauto.oscal.lib.model.SystemSecurityPlan;
import gov.nist.secauto.oscal.lib.model.SystemUser;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import uccx.compliance.controls.Control;

/**
 * The plan an Assessment Results document must import, as small as OSCAL lets it be and saying what
 * it is. OSCAL's constraints on assessment results resolve {@code import-ap}, then the plan's
 * {@code import-ssp}, then the SSP's {@code import-profile} down to a catalog (liboscal-java's
 * {@code all-imports}); a validator refuses a document whose chain does not load. So the run writes:
 * <ul>
 * <li>{@value #CATALOG}: the suite's checklist as a catalog: one group per checklist section, one
 * control per control ID, its step as statement and why it matters as guidance;</li>
 * <li>{@value #PROFILE}: all of that catalog, as every run applies it;</li>
 * <li>{@value #SSP}: a minimal system description from the environment file only, marked as generated
 * and not the organisation's system security plan;</li>
 * <li>{@value #PLAN}: the plan: the checklist's controls against the environment file's targets.</li>
 * </ul>
 */
final class AssessmentPlanDocuments {

    static final String CATALOG = "checklist-catalog.json";
    static final String PROFILE = "checklist-profile.json";
    static final String SSP = "system-security-plan.json";
    static final String PLAN = "assessment-plan.json";

    private final AssessedRun run;

    AssessmentPlanDocuments(AssessedRun run) {
        this.run = run;
    }

    Catalog catalog() {
        Catalog catalog = new Catalog();
        catalog.setUuid(uuid("catalog"));
        catalog.setMetadata(metadata("The UCCX email checklist for Exchange 2010, as uccx-exchange-compliance judges it"));
        for (Control.Section section : Control.Section.values()) {
            CatalogGroup group = new CatalogGroup();
            group.setId(section.tag());
            group.setTitle(Prose.line(section.suite()));
            Arrays.stream(Control.values()).filter(c -> c.section() == section).forEach(c -> group.addControl(control(c)));
            catalog.addGroup(group);
        }
        return catalog;
    }

    private static gov.nist.secauto.oscal.lib.model.Control control(Control c) {
        gov.nist.secauto.oscal.lib.model.Control control = new gov.nist.secauto.oscal.lib.model.Control();
        control.setId(c.id());
        control.setTitle(Prose.line(c.title()));
        control.addPart(part(c.id() + "_smt", "statement", c.step()));
        control.addPart(part(c.id() + "_gdn", "guidance", c.why() + " (Cisco checklist step: " + c.checklistStep() + "; severity "
                + c.severity().label() + ".)"));
        c.docs().forEach(doc -> {
            Link link = new Link();
            link.setHref(URI.create(doc.url()));
            link.setRel("reference");
            link.setText(Prose.line(doc.name()));
            control.addLink(link);
        });
        return control;
    }

    private static ControlPart part(String id, String name, String prose) {
        ControlPart part = new ControlPart();
        part.setId(id);
        part.setName(name);
        part.setProse(Prose.paragraphs(prose));
        return part;
    }

    Profile profile() {
        Profile profile = new Profile();
        profile.setUuid(uuid("profile"));
        profile.setMetadata(metadata("Every control of the UCCX email checklist"));
        ProfileImport all = new ProfileImport();
        all.setHref(sibling(CATALOG));
        all.setIncludeAll(new IncludeAll());
        profile.addImport(all);
        return profile;
    }

    SystemSecurityPlan systemSecurityPlan() {
        SystemSecurityPlan ssp = new SystemSecurityPlan();
        ssp.setUuid(uuid("ssp"));
        ssp.setMetadata(metadata("Exchange organisation serving Cisco UCCX email, environment " + run.environment()
                + " (generated; not a system security plan)"));
        ssp.getMetadata().setRemarks(Prose.paragraphs("Generated by uccx-exchange-compliance from environment.yaml, only so that "
                + "the assessment's OSCAL import chain resolves. It states what the environment file says and nothing about how "
                + "the organisation implements the controls; the organisation's own system security plan, if it has one, governs."));
        ImportProfile profile = new ImportProfile();
        profile.setHref(sibling(PROFILE));
        ssp.setImportProfile(profile);

        SystemCharacteristics system = new SystemCharacteristics();
        SystemId id = new SystemId();
        id.setId("uccx-exchange-" + run.environment());
        system.addSystemId(id);
        system.setSystemName("UCCX email on Exchange 2010 (" + run.environment() + ")");
        system.setDescription(Prose.paragraphs("The Exchange 2010 servers, receive connectors and mailbox that Cisco UCCX uses for "
                + "agent email, as environment.yaml of environment " + run.environment() + " lists them."));
        SystemInformation information = new SystemInformation();
        SystemInformation.InformationType mail = new SystemInformation.InformationType();
        mail.setUuid(NameBasedUuid.of("information-type", "uccx-email"));
        mail.setTitle(Prose.line("Contact-center email"));
        mail.setDescription(Prose.paragraphs("Customer email that UCCX routes to agents through the UCCX mailbox."));
        information.addInformationType(mail);
        system.setSystemInformation(information);
        Status status = new Status();
        status.setState("operational");
        system.setStatus(status);
        AuthorizationBoundary boundary = new AuthorizationBoundary();
        boundary.setDescription(Prose.paragraphs("The servers, receive connectors and the UCCX mailbox named in environment.yaml."));
        system.setAuthorizationBoundary(boundary);
        ssp.setSystemCharacteristics(system);

        SystemImplementation implementation = new SystemImplementation();
        SystemUser account = new SystemUser();
        account.setUuid(NameBasedUuid.of(run.environment(), "user", "uccx"));
        account.setTitle(Prose.line("The UCCX service account"));
        account.setDescription(Prose.paragraphs("The account UCCX logs in to the UCCX mailbox with (IMAP) and sends mail as (SMTP)."));
        implementation.addUser(account);
        SystemComponent self = new SystemComponent();
        self.setUuid(NameBasedUuid.of(run.environment(), "component", "this-system"));
        self.setType("this-system");
        self.setTitle(Prose.line("Exchange 2010 organisation, environment " + run.environment()));
        self.setDescription(Prose.paragraphs("The system as a whole, as environment.yaml describes it."));
        SystemComponent.Status operational = new SystemComponent.Status();
        operational.setState("operational");
        self.setStatus(operational);
        implementation.addComponent(self);
        ssp.setSystemImplementation(implementation);

        ControlImplementation controls = new ControlImplementation();
        controls.setDescription(Prose.paragraphs("Every control of the checklist applies; how each is implemented is for the "
                + "organisation to state. What a run found is in its assessment results."));
        for (Control c : Control.values()) {
            ImplementedRequirement requirement = new ImplementedRequirement();
            requirement.setUuid(NameBasedUuid.of(run.environment(), "requirement", c.id()));
            requirement.setControlId(c.id());
            // OSCAL wants each requirement tied to a component; the only one known here is the system as a whole.
            ByComponent bySystem = new ByComponent();
            bySystem.setComponentUuid(self.getUuid());
            bySystem.setUuid(NameBasedUuid.of(run.environment(), "by-component", c.id()));
            bySystem.setDescription(Prose.paragraphs("Not stated here: how the organisation implements " + c.id()
                    + " is for its own plan to say."));
            requirement.addByComponent(bySystem);
            controls.addImplementedRequirement(requirement);
        }
        ssp.setControlImplementation(controls);
        return ssp;
    }

    AssessmentPlan assessmentPlan() {
        AssessmentPlan plan = new AssessmentPlan();
        plan.setUuid(uuid("assessment-plan"));
        plan.setMetadata(metadata("Assessment plan of run " + run.runId() + ": the UCCX email checklist against environment "
                + run.environment()));
        ImportSsp ssp = new ImportSsp();
        ssp.setHref(sibling(SSP));
        plan.setImportSsp(ssp);
        ReviewedControls reviewed = new ReviewedControls();
        reviewed.setDescription(Prose.paragraphs("Every control of the checklist, on every target environment.yaml names "
                + "(its thresholds and waivers apply)."));
        ReviewedControls.ControlSelection all = new ReviewedControls.ControlSelection();
        all.setIncludeAll(new IncludeAll());
        reviewed.addControlSelection(all);
        plan.setReviewedControls(reviewed);
        return plan;
    }

    Metadata metadata(String title) {
        Metadata metadata = new Metadata();
        metadata.setTitle(Prose.line(title));
        metadata.setLastModified(run.finished().atZone(ZoneOffset.UTC));
        metadata.setVersion(run.suiteVersion());
        metadata.setOscalVersion(AssessmentResultsDocument.OSCAL_VERSION);
        return metadata;
    }

    /**
     * The documents sit side by side in the run folder, beside assessment-results.json, so each names the next by its file
     * name. (liboscal-java resolves every href of the chain against the assessment results' own address, not the
     * importing document's: side by side, both readings agree.)
     */
    private static URI sibling(String path) {
        return URI.create(path);
    }

    /** The files this writes, in the run folder. */
    static final List<String> FILES = List.of(PLAN, SSP, PROFILE, CATALOG);

    private UUID uuid(String document) {
        return NameBasedUuid.of(run.environment(), run.runId(), document);
    }
}
