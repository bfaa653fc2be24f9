using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Pdf;

namespace Sigma.Signature.Tests;

/// <summary>Revocation data embedded in the PDF (/DSS) or in the CMS (adbe-revocationInfoArchival), made by the tests' CA.</summary>
public class RevocationTests
{
    private static readonly DateTimeOffset Maintenant = DateTimeOffset.UtcNow;

    private static byte[] SignerHorodate(DateTimeOffset heure) =>
        SignatairePades.Signer(PdfDeTest.Classique(), Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), heure, horodateur: Tsa.Horodateur(heure)).Pdf;

    [Fact]
    public void A_signer_revoked_before_signing_by_an_embedded_crl_is_invalid()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var pdf = Validation.AjouterDss(signe, crls: [Validation.Crl(revoques: (Pki.Instance.Signataire, Maintenant.AddDays(-1)))]);

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        var revocation = signature.Controle("revocation");
        revocation.Etat.ShouldBe(EtatControle.Echec);
        revocation.Detail.ShouldStartWith("Le certificat « Camille Martin » a été révoqué le");
        revocation.Detail.ShouldContain("avant l'heure de signature");
        revocation.Detail.ShouldContain("CRL de « AC intermédiaire de test »");
        signature.Controle("perimetre").Detail.ShouldContain("ne font qu'ajouter des données de validation");
    }

    [Fact]
    public void A_signer_revoked_before_signing_by_an_embedded_ocsp_response_is_invalid()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var pdf = Validation.AjouterDss(signe, ocsps: [Validation.Ocsp(Pki.Instance.Signataire, revoqueLe: Maintenant.AddHours(-3))]);

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("revocation").Detail.ShouldContain("OCSP de « AC intermédiaire de test »");
    }

    [Fact]
    public void An_ocsp_response_in_the_cms_revocation_archive_attribute_is_read()
    {
        var ocsp = Validation.Ocsp(Pki.Instance.Signataire, revoqueLe: Maintenant.AddDays(-2));
        var pdf = SignerAvecArchive(ocsp);

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Controle("valeur").Etat.ShouldBe(EtatControle.Reussi);
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("revocation").Detail.ShouldContain("a été révoqué le");
    }

    [Fact]
    public void A_good_status_with_a_time_stamp_is_b_lt_and_a_later_document_time_stamp_makes_it_b_lta()
    {
        var signe = SignerHorodate(Maintenant.AddMinutes(-5));
        var lt = Validation.AjouterDss(signe, certificats: [Pki.Instance.Intermediaire.RawData], ocsps: [Validation.Ocsp(Pki.Instance.Signataire)],
            crls: [Validation.Crl()]);

        var signature = Signatures.Verifier(lt).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        var revocation = signature.Controle("revocation");
        revocation.Etat.ShouldBe(EtatControle.Reussi);
        revocation.Detail.ShouldContain("« Camille Martin » non révoqué");
        revocation.Detail.ShouldContain("aucune interrogation en ligne");
        signature.Niveau!.ShouldStartWith("PAdES B-LT :");

        var lta = Signatures.Verifier(Validation.AjouterHorodatageDocument(lt));
        lta.Conclusion.ShouldBe(Verdict.Valide, lta.Motif);
        lta.Signatures[0].Niveau!.ShouldStartWith("PAdES B-LTA");
    }

    [Fact]
    public void An_ocsp_response_signed_by_another_key_is_not_trusted()
    {
        using var autreCle = RSA.Create(2048);
        var pdf = Validation.AjouterDss(Signatures.SignerPdf(PdfDeTest.Classique()),
            ocsps: [Validation.Ocsp(Pki.Instance.Signataire, revoqueLe: Maintenant.AddDays(-1), cleSignature: autreCle)]);

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        signature.Controle("revocation").Etat.ShouldBe(EtatControle.NonVerifie);
        signature.Controle("revocation").Detail.ShouldContain("ne portent pas sur le certificat du signataire");
    }

    [Fact]
    public void A_revocation_after_the_proven_time_leaves_the_signature_valid_but_not_after_a_declared_time()
    {
        var crl = Validation.Crl(revoques: (Pki.Instance.Signataire, Maintenant.AddHours(-1)));

        var horodatee = Signatures.Verifier(Validation.AjouterDss(SignerHorodate(Maintenant.AddHours(-2)), crls: [crl])).Signatures.Single();
        horodatee.Conclusion.ShouldBe(Verdict.Valide, horodatee.Motif);
        horodatee.Controle("revocation").Detail.ShouldContain("après l'heure prouvée de la signature");

        var declaree = SignatairePades.Signer(PdfDeTest.Classique(), Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), Maintenant.AddHours(-2)).Pdf;
        var sansPreuve = Signatures.Verifier(Validation.AjouterDss(declaree, crls: [crl])).Signatures.Single();
        sansPreuve.Conclusion.ShouldBe(Verdict.Indeterminee);
        sansPreuve.Controle("revocation").Detail.ShouldContain("aucun horodatage ne prouve que la signature est antérieure à cette révocation");
    }

    [Fact]
    public void A_revocation_between_the_declared_time_and_the_first_time_stamp_is_indeterminate()
    {
        var declaree = SignatairePades.Signer(PdfDeTest.Classique(), Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), Maintenant.AddHours(-2)).Pdf;
        var pdf = Validation.AjouterHorodatageDocument(Validation.AjouterDss(declaree, crls: [Validation.Crl(revoques: (Pki.Instance.Signataire, Maintenant.AddHours(-1)))]));

        var signature = Signatures.Verifier(pdf).Signatures[0];
        signature.Conclusion.ShouldBe(Verdict.Indeterminee);
        signature.Controle("revocation").Detail.ShouldContain("après l'heure de signature déclarée mais sans qu'aucun horodatage ne prouve");
    }

    [Fact]
    public void Unreadable_revocation_data_is_said_so_and_proves_nothing()
    {
        var pdf = Validation.AjouterDss(Signatures.SignerPdf(PdfDeTest.Classique()), crls: [[0x30, 0x03, 0x01, 0x02, 0x03]]);

        var revocation = Signatures.Verifier(pdf).Signatures.Single().Controle("revocation");
        revocation.Etat.ShouldBe(EtatControle.NonVerifie);
        revocation.Detail.ShouldContain("1 donnée de révocation embarquée est illisible");
    }

    /// <summary>A PAdES signature whose CMS carries the OCSP response in the signed attribute adbe-revocationInfoArchival.</summary>
    private static byte[] SignerAvecArchive(byte[] ocsp)
    {
        var prepare = PdfDeTest.AvecChampsSignature("Titulaire");
        var n = PdfDeTest.ProchainNumero(prepare);
        return Signatures.SignerMiseAJour(prepare, new Dictionary<int, string>
        {
            [n] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:{Maintenant.UtcDateTime:yyyyMMddHHmmss}Z) {Signatures.Emplacement} >>",
            [5] = PdfDeTest.AvecEntree(PdfDeTest.Objet(prepare, 5), "V", $"{n} 0 R"),
        }, cms: donnees =>
        {
            var cms = new SignedCms(new ContentInfo(donnees), detached: true);
            var signataire = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Pki.Instance.Signataire)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
                IncludeOption = X509IncludeOption.EndCertOnly,
            };
            signataire.Certificates.Add(Pki.Instance.Intermediaire);
            signataire.SignedAttributes.Add(new AsnEncodedData(ConstructeurCms.OidSigningCertificateV2, ConstructeurCms.SigningCertificateV2(Pki.Instance.Signataire)));
            var archive = new AsnWriter(AsnEncodingRules.DER);
            using (archive.PushSequence())
            {
                using (archive.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                {
                    using (archive.PushSequence())
                    {
                        archive.WriteEncodedValue(ocsp);
                    }
                }
            }
            signataire.SignedAttributes.Add(new AsnEncodedData(VerificateurCms.OidArchiveRevocation, archive.Encode()));
            cms.ComputeSignature(signataire, silent: true);
            return cms.Encode();
        });
    }
}
