namespace Sigma.Signature.Domain;

/// <summary>
/// How the checks of a signature make one bottom line, after the arrêté du 22 mars 2019 (article 5: identity of the
/// signer, certificate valid at the signing time and issued under a trusted root, signature format, integrity of the
/// signed document) and the EU DSS default validation policy: a failed integrity, format or certificate check makes
/// the signature invalid; a missing proof (no trusted chain, weak algorithm, expired certificate without a time-stamp)
/// makes it indeterminate.
/// </summary>
public static class PolitiqueValidation
{
    public static (Verdict Verdict, string Motif) Conclure(IReadOnlyList<Controle> controles)
    {
        var echecs = controles.Where(c => c.Etat == EtatControle.Echec).ToList();
        if (echecs.FirstOrDefault(c => c.SiEchec == Verdict.Invalide) is { } invalide)
        {
            return (Verdict.Invalide, $"{invalide.Libelle} : {invalide.Detail}");
        }
        if (echecs.FirstOrDefault() is { } indeterminee)
        {
            return (Verdict.Indeterminee, $"{indeterminee.Libelle} : {indeterminee.Detail}");
        }
        return (Verdict.Valide, "Tous les contrôles sont satisfaits : intégrité, format, certificat valide à l'heure de signature et rattaché à une autorité de confiance.");
    }

    /// <summary>A file is as good as its worst signature; a file without a signature is not a signed file.</summary>
    public static (Verdict Verdict, string Motif) ConclureFichier(IReadOnlyList<RapportSignature> signatures)
    {
        if (signatures.Count == 0)
        {
            return (Verdict.Invalide, "Le fichier ne comporte aucune signature électronique.");
        }
        foreach (var verdict in new[] { Verdict.Invalide, Verdict.Indeterminee })
        {
            if (signatures.FirstOrDefault(s => s.Conclusion == verdict) is { } pire)
            {
                return (verdict, $"Signature {pire.Numero} ({pire.Nom}) : {pire.Motif}");
            }
        }
        return (Verdict.Valide, signatures.Count == 1
            ? "La signature est valide."
            : $"Les {signatures.Count} signatures sont valides.");
    }

    public static string Libelle(this Verdict verdict) => verdict switch
    {
        Verdict.Valide => "Signature valide",
        Verdict.Invalide => "Signature invalide",
        _ => "Validité indéterminée",
    };

    public static string Libelle(this EtatControle etat) => etat switch
    {
        EtatControle.Reussi => "Conforme",
        EtatControle.Echec => "Non conforme",
        EtatControle.Avertissement => "Avertissement",
        EtatControle.Information => "Information",
        _ => "Non vérifié",
    };

    public static string Libelle(this FormatSignature format) => format switch
    {
        FormatSignature.PAdES => "PAdES (signature PDF)",
        FormatSignature.CAdES => "CAdES (signature détachée)",
        FormatSignature.Horodatage => "Horodatage du document (RFC 3161)",
        _ => "PKCS#7 simple",
    };
}
