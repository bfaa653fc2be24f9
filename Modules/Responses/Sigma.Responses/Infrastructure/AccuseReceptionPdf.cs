using System.Globalization;
using Sigma.BuildingBlocks.Pdf;

namespace Sigma.Responses.Infrastructure;

/// <summary>The receipt as a PDF: depositor, organisation, consultation, lots, the instant to the second, each file with its size and SHA-256.</summary>
public static class AccuseReception
{
    public static byte[] Pdf(Reponse r, ConsultationConnue c)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var pdf = new PagesPdf();
        pdf.Texte("Accusé de réception d'une réponse électronique", 16, gras: true);
        pdf.Texte($"N° {r.NumeroAccuse}", 11, gras: true);
        pdf.Espace();
        pdf.Filet();
        pdf.Texte($"Consultation : {c.Reference} — {c.Intitule}");
        pdf.Texte($"Date limite de remise des réponses : {c.DateLimite.AfficheALaSeconde()} (heure de Paris)");
        pdf.Texte($"Réponse reçue le : {r.EnvoyeeLe!.Value.AfficheALaSeconde()} (heure de Paris) — {r.EnvoyeeLe.Value.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} UTC", gras: true);
        pdf.Texte($"Déposant : {r.EnvoyeePar}");
        pdf.Texte($"Organisme : {r.Organisation} — SIRET {r.Siret}");
        pdf.Texte($"Lots : {string.Join(", ", r.LotsEnvoyes.Select(n => $"lot {n} ({c.Lot(n)?.Intitule})"))}");
        pdf.Espace();
        pdf.Texte("Fichiers reçus", 12, gras: true);
        foreach (var f in r.FichiersEnvoyes)
        {
            pdf.Texte($"{f.Formulaire} — {f.Piece}", 9, gras: true);
            pdf.Texte($"{f.Nom} — {f.Taille.ToString("N0", fr)} octets", 9, retrait: 10);
            pdf.Texte($"SHA-256 : {f.Sha256}", 8, retrait: 10);
        }
        pdf.Espace();
        pdf.Filet();
        pdf.Texte("La réponse est définitive. Elle est conservée chiffrée et scellée jusqu'à l'ouverture des plis par la Région, après la date limite. "
            + "Les empreintes SHA-256 permettent de vérifier que chaque fichier ouvert est bien celui qui a été reçu.", 9);
        return pdf.Produire($"Accusé de réception {r.NumeroAccuse}");
    }
}
