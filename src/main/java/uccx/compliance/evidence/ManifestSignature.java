package uccx.compliance.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import uccx.compliance.environment.SigningKey;

/**
 * The signature of a run's manifest: {@code MANIFEST.sha256.p7s}, a detached CMS SignedData
 * (RFC 5652) over the manifest's exact bytes, SHA-256 (RFC 5754), DER, carrying the signer's
 * certificate and the chain its PKCS12 file holds, and a signing-time attribute. The signature
 * covers the manifest, the manifest covers the files: {@code openssl cms -verify} then
 * {@code sha256sum -c} (README, Signed evidence).
 */
public final class ManifestSignature {

    public static final String FILE = EvidenceBundle.MANIFEST + ".p7s";

    private ManifestSignature() {
    }

    /** @return the signature file, beside the manifest */
    public static Path sign(Path manifest, SigningKey key, Instant signedAt) {
        try {
            byte[] signed = signature(Files.readAllBytes(manifest), key, signedAt);
            Path file = manifest.resolveSibling(FILE);
            Files.write(file, signed);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not sign " + manifest, e);
        }
    }

    /** The DER bytes of a detached signature of {@code content}. */
    static byte[] signature(byte[] content, SigningKey key, Instant signedAt) {
        try {
            // RSA: PKCS #1 v1.5 (what RFC 5754 3.2 and every verifier take); EC: ECDSA (RFC 5753)
            String algorithm = key.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            Hashtable<org.bouncycastle.asn1.ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
            attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signedAt)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            // false: detached, the manifest is beside the signature, not inside it
            CMSSignedData data = generator.generate(new CMSProcessableByteArray(content), false);
            return data.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("could not sign the manifest with " + key.describe() + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
