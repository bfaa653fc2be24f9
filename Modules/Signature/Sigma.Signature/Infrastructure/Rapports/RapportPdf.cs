using System.Globalization;
using Sigma.Documents.Contracts;

namespace Sigma.Signature.Infrastructure.Rapports;

/// <summary>The verification report as a PDF to keep or attach, printed by the Documents module: the same content as the page.</summary>
internal static class RapportPdf
{
    public static async Task<byte[]> ProduireAsync(IMediator mediator, RapportVerification rapport, CancellationToken ct)
    {
        var donnees = new
        {
            VerifieLe = rapport.VerifieLe.Affiche(),
            rapport.Fichier,
            Taille = $"{rapport.Taille.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} octets",
            rapport.Sha256,
            Classe = Classe(rapport.Conclusion),
            Conclusion = rapport.Conclusion.Libelle(),
            rapport.Motif,
            rapport.Remarques,
            Signatures = rapport.Signatures.Select(s => new
            {
                s.Numero,
                s.Nom,
                Classe = Classe(s.Conclusion),
                Conclusion = s.Conclusion.Libelle(),
                s.Motif,
                Format = s.Format.Libelle(),
                Algorithme = s.AlgorithmeEmpreinte,
                Heure = s.HeureSignature is { } h ? h.Affiche() + (s.HeureProuvee ? " (prouvée par horodatage)" : " (déclarée, non horodatée)") : null,
                Signataire = Lignes(s),
                s.Chaine,
                Controles = s.Controles.Select(k => new { k.Libelle, Etat = k.Etat.Libelle(), k.Detail, Classe = Classe(k.Etat) }).ToList(),
            }).ToList(),
        };
        var rendu = await mediator.Send(new RendreDocument(ModeleDocument.RapportVerification, "Rapport de vérification de signature électronique", rapport.Fichier, donnees), ct);
        return rendu.Pdf;
    }

    /// <summary>The rows under the signature's heading: its baseline level, then who signed and with what certificate.</summary>
    private static List<Ligne> Lignes(RapportSignature s)
    {
        var lignes = new List<Ligne>();
        if (s.Niveau is { } niveau)
        {
            lignes.Add(new Ligne("Niveau", niveau));
        }
        if (s.Signataire is { } c)
        {
            lignes.Add(new Ligne("Signataire", $"{c.NomCommun ?? c.Sujet}{(c.Organisation is null ? "" : $" — {c.Organisation}")}{(c.Email is null ? "" : $" — {c.Email}")}"));
            lignes.Add(new Ligne("Sujet", c.Sujet));
            lignes.Add(new Ligne("Émetteur", c.Emetteur));
            lignes.Add(new Ligne("Numéro de série", $"{c.NumeroSerie} — valable du {c.ValideDu.Affiche()} au {c.ValideAu.Affiche()}"));
            lignes.Add(new Ligne("Catégorie du certificat", c.Categorie));
            lignes.Add(new Ligne("Clé", $"{c.AlgorithmeCle} {c.TailleCle} bits — non-répudiation : {(c.NonRepudiation ? "oui" : "non")}"));
        }
        return lignes;
    }

    private sealed record Ligne(string Libelle, string Valeur);

    private static string Classe(Verdict verdict) => verdict switch
    {
        Verdict.Valide => "valide",
        Verdict.Invalide => "invalide",
        _ => "avertissement",
    };

    private static string Classe(EtatControle etat) => etat switch
    {
        EtatControle.Reussi => "valide",
        EtatControle.Echec => "invalide",
        EtatControle.Avertissement => "avertissement",
        _ => "",
    };
}
