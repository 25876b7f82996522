package uccx.compliance.evidence.oscal;

import gov.nist.secauto.metaschema.core.configuration.DefaultConfiguration;
import gov.nist.secauto.metaschema.core.model.constraint.ValidationFeature;
import gov.nist.secauto.metaschema.core.model.validation.IValidationFinding;
import gov.nist.secauto.metaschema.core.model.validation.IValidationResult;
import gov.nist.secauto.metaschema.core.model.validation.JsonSchemaContentValidator;
import gov.nist.secauto.metaschema.core.model.validation.XmlSchemaContentValidator;
import gov.nist.secauto.metaschema.databind.IBindingContext;
import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.transform.stream.StreamSource;
import org.json.JSONObject;
import org.xml.sax.SAXException;

/**
 * An OSCAL file checked the way liboscal-java checks one (and the oscal-cli's {@code validate} with
 * it): first against OSCAL's JSON schema of the document's model, shipped in the library ({@code schema/json/oscal-ar_schema.json}),
 * then, when that passes, against the constraints of OSCAL's metaschema modules (allowed values,
 * references that must resolve, cardinalities) by {@link IBindingContext#validate}.
 *
 * @param problems one line each: severity, where, what; empty when the file is valid
 */
public record OscalValidation(List<String> problems) {

    public OscalValidation {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public static OscalValidation of(Path file) {
        IBindingContext context = OscalBindingContext.instance();
        try {
            IValidationResult result = context.validate(file.toUri(), Format.JSON, new ShippedSchemas(),
                    new DefaultConfiguration<ValidationFeature<?>>());
            return new OscalValidation(result.getFindings().stream().filter(f -> !passed(f)).map(OscalValidation::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + " to validate it", e);
        }
    }

    /** Informational findings are kept out: only what makes a document invalid or doubtful counts. */
    private static boolean passed(IValidationFinding finding) {
        return switch (finding.getSeverity()) {
            case NONE, INFORMATIONAL, DEBUG -> true;
            default -> false;
        };
    }

    private static String line(IValidationFinding finding) {
        return finding.getSeverity() + " " + finding.getKind() + (finding.getPath() == null ? "" : " at " + finding.getPath()) + ": "
                + finding.getMessage();
    }

    /** OSCAL's schemas as liboscal-java ships them in its jar: the one of the document's model, chosen by its root. */
    private static final class ShippedSchemas implements IBindingContext.ISchemaValidationProvider {

        private static final Map<String, String> MODELS = Map.of("assessment-results", "ar", "assessment-plan", "ap",
                "system-security-plan", "ssp", "profile", "profile", "catalog", "catalog", "plan-of-action-and-milestones", "poam",
                "component-definition", "component-definition");

        @Override
        public JsonSchemaContentValidator getJsonSchema(JSONObject json, IBindingContext bindingContext) throws IOException {
            String model = json.keySet().stream().filter(k -> !k.equals("$schema")).map(MODELS::get).filter(Objects::nonNull)
                    .findFirst().orElse("complete");
            String name = "/schema/json/oscal-" + model + "_schema.json";
            try (InputStream schema = OscalBindingContext.class.getResourceAsStream(name)) {
                if (schema == null) {
                    throw new IOException("liboscal-java ships no " + name);
                }
                return new JsonSchemaContentValidator(schema);
            }
        }

        @Override
        public XmlSchemaContentValidator getXmlSchemas(URL targetResource, IBindingContext bindingContext) throws IOException, SAXException {
            URL schema = OscalBindingContext.class.getResource("/schema/xml/oscal-complete_schema.xsd");
            if (schema == null) {
                throw new IOException("liboscal-java ships no schema/xml/oscal-complete_schema.xsd");
            }
            return new XmlSchemaContentValidator(List.of(new StreamSource(schema.toExternalForm())));
        }
    }
}
