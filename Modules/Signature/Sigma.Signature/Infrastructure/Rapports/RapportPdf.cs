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
                Heure = s.HeureSignature?.Affiche(),
                Signataire = s.Signataire is { } c ? new[]
                {
                    new { Libelle = "Signataire", Valeur = $"{c.NomCommun ?? c.Sujet}{(c.Organisation is null ? "" : $" — {c.Organisation}")}{(c.Email is null ? "" : $" — {c.Email}")}" },
                    new { Libelle = "Sujet", Valeur = c.Sujet },
                    new { Libelle = "Émetteur", Valeur = c.Emetteur },
                    new { Libelle = "Numéro de série", Valeur = $"{c.NumeroSerie} — valable du {c.ValideDu.Affiche()} au {c.ValideAu.Affiche()}" },
                    new { Libelle = "Clé", Valeur = $"{c.AlgorithmeCle} {c.TailleCle} bits — non-répudiation : {(c.NonRepudiation ? "oui" : "non")}" },
                } : [],
                s.Chaine,
                Controles = s.Controles.Select(k => new { k.Libelle, Etat = k.Etat.Libelle(), k.Detail, Classe = Classe(k.Etat) }).ToList(),
            }).ToList(),
        };
        var rendu = await mediator.Send(new RendreDocument(ModeleDocument.RapportVerification, "Rapport de vérification de signature électronique", rapport.Fichier, donnees), ct);
        return rendu.Pdf;
    }

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
