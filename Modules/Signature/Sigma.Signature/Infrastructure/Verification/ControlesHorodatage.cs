using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Horodatage;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>What the report says of the time-stamps of a signature, and the baseline level (ETSI EN 319 142-1 / 319 122-1) it reaches.</summary>
internal static class ControlesHorodatage
{
    private const string Libelle = "Horodatage de la signature";

    public static IEnumerable<Controle> Controles(JetonVerifie? horodatage, PreuvesPosterieures posterieures)
    {
        if (horodatage is { Probant: true })
        {
            yield return Controle.Reussi("horodatage", Libelle,
                $"Jeton RFC 3161 de « {horodatage.Autorite} » du {horodatage.Heure.AfficheALaSeconde()} : l'empreinte {horodatage.AlgorithmeEmpreinte} de la valeur de signature "
                + $"et la signature de l'autorité sont vérifiées ; chaîne : {string.Join(" → ", horodatage.Chaine)}.");
        }
        else if (horodatage is { } invalide)
        {
            yield return Controle.Avertissement("horodatage", Libelle, $"L'horodatage de la signature ne prouve rien : {invalide.Anomalie}. La signature est jugée sans lui.");
        }
        foreach (var document in posterieures.Horodatages)
        {
            yield return document.Probant
                ? Controle.Information("horodatage-document", "Horodatage du document",
                    $"Un horodatage du document par « {document.Autorite} » du {document.Heure.AfficheALaSeconde()} couvre cette signature.")
                : Controle.Avertissement("horodatage-document", "Horodatage du document",
                    $"Un horodatage du document postérieur à cette signature ne prouve rien : {document.Anomalie}.");
        }
    }

    /// <summary>
    /// The report of a document time-stamp (/SubFilter /ETSI.RFC3161): its token over the byte range is its integrity;
    /// an authority not trusted leaves it indeterminate.
    /// </summary>
    public static RapportSignature RapportDocument(int numero, string nom, List<Controle> controles, JetonVerifie jeton, PreuvesPosterieures posterieures)
    {
        const string Integrite = "Intégrité : empreinte horodatée";
        if (jeton.Anomalie is { } anomalie)
        {
            controles.Add(Controle.Echec("horodatage", Integrite, $"L'horodatage du document ne se vérifie pas : {anomalie}.",
                jeton.Altere ? Verdict.Invalide : Verdict.Indeterminee));
        }
        else
        {
            controles.Add(Controle.Reussi("horodatage", Integrite,
                $"Jeton RFC 3161 de « {jeton.Autorite} » : l'empreinte {jeton.AlgorithmeEmpreinte} de la plage signée et la signature de l'autorité sont vérifiées ; "
                + $"chaîne : {string.Join(" → ", jeton.Chaine)}."));
            controles.Add(Controle.Reussi("heure", "Heure attestée", $"Le document existait dans cet état le {jeton.Heure.AfficheALaSeconde()} (heure de Paris)."));
        }
        controles.AddRange(Controles(null, posterieures));
        return new RapportSignature(numero, nom, FormatSignature.Horodatage, jeton.AlgorithmeEmpreinte, jeton.Probant ? jeton.Heure : null, null, jeton.Chaine,
            controles, jeton.Probant, "Horodatage de document PAdES (archivage des données de validation qu'il couvre).");
    }

    /// <summary>B-B: signing certificate bound; B-T: a trusted time-stamp; B-LT: revocation data for the signer embedded; B-LTA: those data time-stamped.</summary>
    public static string Niveau(FormatSignature format, AnalyseCms cms, bool horodatee, bool revocationEmbarquee, bool validationHorodatee)
    {
        var famille = format == FormatSignature.PAdES ? "PAdES" : "CAdES";
        if (!cms.SigningCertificateV2 && !cms.SigningCertificateV1)
        {
            return "Aucun niveau ETSI de base : le certificat du signataire n'est pas lié à la signature par un attribut signé.";
        }
        return (horodatee, revocationEmbarquee, validationHorodatee) switch
        {
            (false, _, _) => $"{famille} B-B : signature de base, sans horodatage.",
            (true, false, _) => $"{famille} B-T : signature horodatée, sans données de révocation embarquées.",
            (true, true, false) => $"{famille} B-LT : signature horodatée, avec les données de validation (certificats, révocation) embarquées.",
            _ => $"{famille} B-LTA : signature horodatée, données de validation embarquées et elles-mêmes horodatées (archivage).",
        };
    }
}
