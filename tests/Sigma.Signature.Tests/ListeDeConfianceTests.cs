using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Tests;

/// <summary>Trust anchors from an ETSI TS 119 612 trusted list, beside (or instead of) the folder of roots.</summary>
public class ListeDeConfianceTests
{
    private const string Accorde = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
    private const string Retire = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn";

    /// <summary>A trusted list with one trust service provider offering a CA/QC service on the given certificate.</summary>
    private static string Liste(X509Certificate2 autorite, string statut) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" TSLTag="http://uri.etsi.org/19612/TSLTag">
          <SchemeInformation><TSLVersionIdentifier>5</TSLVersionIdentifier><SchemeTerritory>FR</SchemeTerritory></SchemeInformation>
          <TrustServiceProviderList><TrustServiceProvider><TSPServices><TSPService><ServiceInformation>
            <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
            <ServiceName><Name xml:lang="fr">Racine de test Sigma</Name></ServiceName>
            <ServiceDigitalIdentity><DigitalId><X509Certificate>{Convert.ToBase64String(autorite.RawData)}</X509Certificate></DigitalId></ServiceDigitalIdentity>
            <ServiceStatus>{statut}</ServiceStatus>
          </ServiceInformation></TSPService></TSPServices></TrustServiceProvider></TrustServiceProviderList>
        </TrustServiceStatusList>
        """;

    private static RapportSignature Verifier(byte[] pdf, string? dossier, string? liste)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signature:RacinesDeConfiance"] = dossier ?? Directory.CreateTempSubdirectory("sigma-vide-").FullName,
            ["Signature:ListeDeConfiance"] = liste,
        }).Build();
        var verificateur = new VerificateurSignatures(new RacinesDeConfiance(configuration, NullLogger<RacinesDeConfiance>.Instance), TimeProvider.System, Politique.Defaut);
        return verificateur.Verifier(new FichierRecu("offre.pdf", pdf), null).Signatures.Single();
    }

    private static string Fichier(string contenu)
    {
        var chemin = Path.Combine(Directory.CreateTempSubdirectory("sigma-tsl-").FullName, "FR.xml");
        File.WriteAllText(chemin, contenu);
        return chemin;
    }

    [Fact]
    public void A_root_granted_as_a_qualified_ca_by_the_trusted_list_anchors_the_chain_and_confirms_the_qualified_certificate()
    {
        var pdf = Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireQualifie);

        var signature = Verifier(pdf, null, Fichier(Liste(Pki.Instance.Racine, Accorde)));
        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        signature.Controle("chaine").Etat.ShouldBe(EtatControle.Reussi);
        signature.Controle("qualifie").Detail.ShouldContain("son autorité figure sur la liste de confiance comme émettrice de certificats qualifiés");
    }

    [Fact]
    public void A_withdrawn_service_anchors_nothing()
    {
        var signature = Verifier(Signatures.SignerPdf(PdfDeTest.Classique()), null, Fichier(Liste(Pki.Instance.Racine, Retire)));
        signature.Conclusion.ShouldBe(Verdict.Indeterminee);
        signature.Controle("chaine").Detail.ShouldBe("Aucune autorité de confiance n'est configurée sur cette plate-forme.");
    }

    [Fact]
    public void A_trusted_list_dropped_in_the_roots_folder_is_read_too_and_a_root_from_the_folder_is_not_called_listed()
    {
        var dossier = Path.GetDirectoryName(Fichier(Liste(Pki.Instance.Racine, Accorde)))!;
        Verifier(Signatures.SignerPdf(PdfDeTest.Classique()), dossier, null).Conclusion.ShouldBe(Verdict.Valide);

        var dossierSeul = Pki.DossierRacines(Pki.Instance.Racine);
        var qualifie = Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireQualifie), dossierSeul, null);
        qualifie.Controle("qualifie").Detail.ShouldContain("non confrontées à une liste de confiance");
    }

    [Fact]
    public void An_unreadable_trusted_list_is_ignored()
    {
        var signature = Verifier(Signatures.SignerPdf(PdfDeTest.Classique()), null, Fichier("<pas du xml"));
        signature.Conclusion.ShouldBe(Verdict.Indeterminee);
    }
}
