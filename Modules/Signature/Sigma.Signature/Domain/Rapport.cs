namespace Sigma.Signature.Domain;

/// <summary>The bottom line of a signature or of a file, in the terms of ETSI EN 319 102-1.</summary>
public enum Verdict
{
    Valide,
    Invalide,
    Indeterminee,
}

public enum FormatSignature
{
    PAdES,
    CAdES,
    Pkcs7,
    Horodatage,
}

public enum EtatControle
{
    Reussi,
    Echec,
    Avertissement,
    Information,
    NonVerifie,
}

/// <summary>One check of the report: what was checked, its outcome, and what a failure makes of the signature.</summary>
public sealed record Controle(string Code, string Libelle, EtatControle Etat, string Detail, Verdict SiEchec = Verdict.Invalide)
{
    public static Controle Reussi(string code, string libelle, string detail) => new(code, libelle, EtatControle.Reussi, detail);

    public static Controle Echec(string code, string libelle, string detail, Verdict consequence = Verdict.Invalide) =>
        new(code, libelle, EtatControle.Echec, detail, consequence);

    public static Controle Avertissement(string code, string libelle, string detail) => new(code, libelle, EtatControle.Avertissement, detail);

    public static Controle Information(string code, string libelle, string detail) => new(code, libelle, EtatControle.Information, detail);

    public static Controle NonVerifie(string code, string libelle, string detail) => new(code, libelle, EtatControle.NonVerifie, detail);
}

/// <summary>Who a certificate names and what it allows, as the report shows it.</summary>
public sealed record IdentiteCertificat(
    string Sujet,
    string? NomCommun,
    string? Organisation,
    string? Email,
    string Emetteur,
    string NumeroSerie,
    DateTimeOffset ValideDu,
    DateTimeOffset ValideAu,
    bool NonRepudiation,
    bool SignatureNumerique,
    string AlgorithmeCle,
    int TailleCle,
    bool Qualifie = false,
    bool DispositifQualifie = false)
{
    /// <summary>The category article 5 of the arrêté asks for, as the certificate declares it.</summary>
    public string Categorie => (Qualifie, DispositifQualifie) switch
    {
        (true, true) => "certificat qualifié, clé sur dispositif qualifié (QSCD)",
        (true, false) => "certificat qualifié",
        _ => "certificat non qualifié",
    };
}

/// <summary>The report of one signature.</summary>
public sealed record RapportSignature(
    int Numero,
    string Nom,
    FormatSignature Format,
    string AlgorithmeEmpreinte,
    DateTimeOffset? HeureSignature,
    IdentiteCertificat? Signataire,
    IReadOnlyList<string> Chaine,
    IReadOnlyList<Controle> Controles,
    bool HeureProuvee = false,
    string? Niveau = null)
{
    public Verdict Conclusion => PolitiqueValidation.Conclure(Controles).Verdict;

    public string Motif => PolitiqueValidation.Conclure(Controles).Motif;
}

/// <summary>The report of one verified file: each of its signatures, and one bottom line for the file.</summary>
public sealed record RapportVerification(
    string Fichier,
    long Taille,
    string Sha256,
    DateTimeOffset VerifieLe,
    IReadOnlyList<RapportSignature> Signatures,
    IReadOnlyList<string> Remarques)
{
    public Verdict Conclusion => PolitiqueValidation.ConclureFichier(Signatures).Verdict;

    public string Motif => PolitiqueValidation.ConclureFichier(Signatures).Motif;
}
