using Sigma.BuildingBlocks.Pdf;

namespace Sigma.Signature.Infrastructure.Rapports;

/// <summary>The verification report as a PDF to keep or attach: the same content as the page.</summary>
internal static class RapportPdf
{
    private static readonly (double, double, double) Bleu = (0, 0, 0.57), Vert = (0.09, 0.45, 0.25), Rouge = (0.81, 0.02, 0.02), Orange = (0.7, 0.35, 0);

    public static byte[] Produire(RapportVerification rapport)
    {
        var pdf = new PagesPdf();
        pdf.Texte("Rapport de vérification de signature électronique", 16, gras: true, couleur: Bleu);
        pdf.Texte($"Vérification faite le {rapport.VerifieLe.Affiche()} (heure de Paris) par Sigma, selon l'arrêté du 22 mars 2019 (article 5) et la politique de validation par défaut de l'outil européen DSS.", 9);
        pdf.Espace();
        pdf.Texte($"Fichier : {rapport.Fichier}", 10, gras: true);
        pdf.Texte($"Taille : {rapport.Taille:N0} octets — SHA-256 : {rapport.Sha256}", 9);
        pdf.Espace();
        pdf.Texte($"Conclusion : {rapport.Conclusion.Libelle()}", 13, gras: true, couleur: Couleur(rapport.Conclusion));
        pdf.Texte(rapport.Motif, 10);
        foreach (var remarque in rapport.Remarques)
        {
            pdf.Texte($"• {remarque}", 9, retrait: 8);
        }
        foreach (var s in rapport.Signatures)
        {
            pdf.Filet();
            pdf.Texte($"Signature {s.Numero} — {s.Nom}", 12, gras: true, couleur: Bleu);
            pdf.Texte($"{s.Conclusion.Libelle()} : {s.Motif}", 10, gras: true, couleur: Couleur(s.Conclusion));
            pdf.Texte($"Format : {s.Format.Libelle()} — empreinte {s.AlgorithmeEmpreinte}", 9);
            pdf.Texte($"Heure de signature : {(s.HeureSignature is { } h ? h.Affiche() + (s.HeureProuvee ? " (prouvée par horodatage)" : " (déclarée)") : "non indiquée")}", 9);
            if (s.Niveau is { } niveau)
            {
                pdf.Texte($"Niveau : {niveau}", 9);
            }
            if (s.Signataire is { } c)
            {
                pdf.Texte($"Signataire : {c.NomCommun ?? c.Sujet}{(c.Organisation is null ? "" : $" — {c.Organisation}")}{(c.Email is null ? "" : $" — {c.Email}")}", 9);
                pdf.Texte($"Sujet : {c.Sujet}", 9);
                pdf.Texte($"Émetteur : {c.Emetteur}", 9);
                pdf.Texte($"Numéro de série : {c.NumeroSerie} — valable du {c.ValideDu.Affiche()} au {c.ValideAu.Affiche()}", 9);
                pdf.Texte($"Catégorie : {c.Categorie}", 9);
                pdf.Texte($"Clé : {c.AlgorithmeCle} {c.TailleCle} bits — non-répudiation : {(c.NonRepudiation ? "oui" : "non")}", 9);
            }
            if (s.Chaine.Count > 0)
            {
                pdf.Texte($"Chaîne : {string.Join(" › ", s.Chaine)}", 9);
            }
            pdf.Espace(4);
            foreach (var controle in s.Controles)
            {
                pdf.Texte($"[{controle.Etat.Libelle()}] {controle.Libelle}", 9, gras: true, retrait: 8, couleur: Couleur(controle.Etat));
                pdf.Texte(controle.Detail, 9, retrait: 16);
            }
        }
        if (rapport.Signatures.Count == 0)
        {
            pdf.Filet();
            pdf.Texte("Aucune signature n'a été trouvée dans ce fichier.", 11, gras: true, couleur: Rouge);
        }
        return pdf.Produire($"Rapport de vérification — {rapport.Fichier}");
    }

    private static (double, double, double) Couleur(Verdict verdict) => verdict switch
    {
        Verdict.Valide => Vert,
        Verdict.Invalide => Rouge,
        _ => Orange,
    };

    private static (double, double, double)? Couleur(EtatControle etat) => etat switch
    {
        EtatControle.Reussi => Vert,
        EtatControle.Echec => Rouge,
        EtatControle.Avertissement => Orange,
        _ => null,
    };
}
