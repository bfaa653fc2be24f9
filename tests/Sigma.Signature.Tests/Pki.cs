using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Tests;

/// <summary>
/// A certification hierarchy made for the tests: a trusted root, an intermediate CA and signers under it (valid,
/// expired, not yet valid, without non-repudiation, without any signing usage, with a weak key), and an untrusted
/// root with its own signer.
/// </summary>
public sealed class Pki
{
    public const string MotDePasse = "Mot-de-passe-du-certificat";

    public static Pki Instance { get; } = new();

    public X509Certificate2 Racine { get; }
    public X509Certificate2 RacineReemise { get; }
    public X509Certificate2 Intermediaire { get; }
    public X509Certificate2 Signataire { get; }
    public X509Certificate2 SignataireExpire { get; }
    public X509Certificate2 SignataireFutur { get; }
    public X509Certificate2 SignataireSansNonRepudiation { get; }
    public X509Certificate2 SignataireChiffrementSeul { get; }
    public X509Certificate2 SignataireCleFaible { get; }
    public X509Certificate2 RacineNonReconnue { get; }
    public X509Certificate2 SignataireNonReconnu { get; }
    public X509Certificate2 SignataireQualifie { get; }
    public X509Certificate2 SignataireQualifieSansQscd { get; }
    public X509Certificate2 SignataireCachetQualifie { get; }
    /// <summary>Issued by the trusted root without basicConstraints cA, then issuing a signer: not an authority.</summary>
    public X509Certificate2 IntermediaireSansCa { get; }
    public X509Certificate2 SignataireSousIntermediaireSansCa { get; }
    /// <summary>A CA by its basic constraints, whose key usage lacks keyCertSign.</summary>
    public X509Certificate2 IntermediaireSansKeyCertSign { get; }
    public X509Certificate2 SignataireSousIntermediaireSansKeyCertSign { get; }

    private readonly List<X509Certificate2> _intermediaires = [];

    private readonly RSA _cleRacine = RSA.Create(2048);
    private readonly RSA _cleIntermediaire = RSA.Create(2048);

    /// <summary>The intermediate CA's key: it signs the CRLs and OCSP responses of the signers it issued.</summary>
    public RSA CleIntermediaire => _cleIntermediaire;

    public RSA CleRacine => _cleRacine;

    /// <summary>A time-stamp authority issued by the trusted root (extended key usage id-kp-timeStamping, critical).</summary>
    public X509Certificate2 Horodateur { get; }

    /// <summary>A time-stamp authority under the untrusted root.</summary>
    public X509Certificate2 HorodateurNonReconnu { get; }

    private Pki()
    {
        var maintenant = DateTimeOffset.UtcNow;
        Racine = Autorite("CN=Racine de test Sigma, O=Région de test, C=FR", _cleRacine, null, null, maintenant.AddYears(-5), maintenant.AddYears(10));
        // The same root key re-issued with other dates and serial: trusted by its key, whatever the certificate.
        RacineReemise = Autorite("CN=Racine de test Sigma, O=Région de test, C=FR", _cleRacine, null, null, maintenant.AddYears(-1), maintenant.AddYears(20));
        Intermediaire = Autorite("CN=AC intermédiaire de test, O=Région de test, C=FR", _cleIntermediaire, Racine, _cleRacine, maintenant.AddYears(-4), maintenant.AddYears(8));
        var usagesSignature = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;
        Signataire = Final("Camille Martin", "Formation Occitanie Avenir", "camille.martin@cfp.test", usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2));
        SignataireExpire = Final("Ancien Signataire", "Formation Occitanie Avenir", null, usagesSignature, maintenant.AddYears(-3), maintenant.AddYears(-1));
        SignataireFutur = Final("Futur Signataire", "Formation Occitanie Avenir", null, usagesSignature, maintenant.AddDays(10), maintenant.AddYears(2));
        SignataireSansNonRepudiation = Final("Dominique Authentification", "Formation Occitanie Avenir", null, X509KeyUsageFlags.DigitalSignature, maintenant.AddYears(-1), maintenant.AddYears(2));
        SignataireChiffrementSeul = Final("Claude Chiffrement", "Formation Occitanie Avenir", null, X509KeyUsageFlags.KeyEncipherment, maintenant.AddYears(-1), maintenant.AddYears(2));
        SignataireCleFaible = Final("Petite Clé", "Formation Occitanie Avenir", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2), tailleCle: 1024);
        var cleNonReconnue = RSA.Create(2048);
        RacineNonReconnue = Autorite("CN=Racine de test Sigma, O=Faussaire, C=FR", cleNonReconnue, null, null, maintenant.AddYears(-5), maintenant.AddYears(10));
        SignataireNonReconnu = Final("Usurpateur", "Faussaire", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2), RacineNonReconnue, cleNonReconnue);
        SignataireQualifie = Final("Claire Qualifiée", "Formation Occitanie Avenir", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2),
            extensions: [QcStatements(qscd: true, "0.4.0.1862.1.6.1")]);
        SignataireQualifieSansQscd = Final("Paul Logiciel", "Formation Occitanie Avenir", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2),
            extensions: [QcStatements(qscd: false, "0.4.0.1862.1.6.1")]);
        SignataireCachetQualifie = Final("Cachet du service achats", "Région de test", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2),
            extensions: [QcStatements(qscd: true, "0.4.0.1862.1.6.2")]);

        var cleSansCa = RSA.Create(2048);
        IntermediaireSansCa = Autorite("CN=Certificat final détourné, O=Faussaire, C=FR", cleSansCa, Racine, _cleRacine, maintenant.AddYears(-2), maintenant.AddYears(5), ca: false);
        SignataireSousIntermediaireSansCa = Final("Signataire détourné", "Faussaire", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2), IntermediaireSansCa, cleSansCa);
        var cleSansUsage = RSA.Create(2048);
        IntermediaireSansKeyCertSign = Autorite("CN=AC sans usage de certification, O=Région de test, C=FR", cleSansUsage, Racine, _cleRacine, maintenant.AddYears(-2), maintenant.AddYears(5),
            usages: X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature);
        SignataireSousIntermediaireSansKeyCertSign = Final("Signataire mal émis", "Formation Occitanie Avenir", null, usagesSignature, maintenant.AddYears(-1), maintenant.AddYears(2),
            IntermediaireSansKeyCertSign, cleSansUsage);
        _intermediaires.AddRange([Intermediaire, IntermediaireSansCa, IntermediaireSansKeyCertSign]);
        Horodateur = AutoriteHorodatage("CN=Horodatage de test Sigma, O=Région de test, C=FR", Racine, _cleRacine, maintenant);
        HorodateurNonReconnu = AutoriteHorodatage("CN=Horodatage du faussaire, O=Faussaire, C=FR", RacineNonReconnue, cleNonReconnue, maintenant);
    }

    private static X509Certificate2 AutoriteHorodatage(string nom, X509Certificate2 emetteur, RSA cleEmetteur, DateTimeOffset maintenant)
    {
        var cle = RSA.Create(2048);
        var demande = new CertificateRequest(nom, cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        demande.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true));
        demande.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(emetteur, true, false));
        return Emettre(demande, emetteur, cleEmetteur, maintenant.AddYears(-5), maintenant.AddYears(5)).CopyWithPrivateKey(cle);
    }

    /// <summary>QCStatements (ETSI EN 319 412-5): QcCompliance, QcSSCD when asked, QcType with the given types.</summary>
    public static X509Extension QcStatements(bool qscd, params string[] types)
    {
        var w = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("0.4.0.1862.1.1");
            }
            if (qscd)
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("0.4.0.1862.1.4");
                }
            }
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("0.4.0.1862.1.6");
                using (w.PushSequence())
                {
                    foreach (var type in types)
                    {
                        w.WriteObjectIdentifier(type);
                    }
                }
            }
        }
        return new X509Extension("1.3.6.1.5.5.7.1.3", w.Encode(), false);
    }

    /// <summary>The signer's PKCS#12 file: its certificate and key, and the intermediate CA (as a real one holds).</summary>
    public byte[] Pkcs12(X509Certificate2 signataire, string motDePasse = MotDePasse)
    {
        var collection = new X509Certificate2Collection { signataire };
        if (signataire.Issuer == Intermediaire.Subject)
        {
            collection.Add(X509CertificateLoader.LoadCertificate(Intermediaire.RawData));
        }
        return collection.Export(X509ContentType.Pkcs12, motDePasse)!;
    }

    /// <summary>The authorities a PKCS#12 of this signer holds (without keys).</summary>
    public IReadOnlyList<X509Certificate2> Autorites(X509Certificate2 signataire) =>
        _intermediaires.Where(i => i.Subject == signataire.Issuer).Select(i => X509CertificateLoader.LoadCertificate(i.RawData)).Take(1).ToList();

    /// <summary>A folder of trusted roots holding the given certificates (PEM for the first, DER for the others).</summary>
    public static string DossierRacines(params X509Certificate2[] racines)
    {
        var dossier = Directory.CreateTempSubdirectory("sigma-racines-").FullName;
        for (var i = 0; i < racines.Length; i++)
        {
            if (i == 0)
            {
                File.WriteAllText(Path.Combine(dossier, "racine-0.pem"), racines[i].ExportCertificatePem());
            }
            else
            {
                File.WriteAllBytes(Path.Combine(dossier, $"racine-{i}.cer"), racines[i].RawData);
            }
        }
        return dossier;
    }

    private static X509Certificate2 Autorite(string nom, RSA cle, X509Certificate2? emetteur, RSA? cleEmetteur, DateTimeOffset debut, DateTimeOffset fin,
        bool ca = true, X509KeyUsageFlags usages = X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)
    {
        var demande = new CertificateRequest(nom, cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(usages, true));
        demande.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(demande.PublicKey, false));
        if (emetteur is null)
        {
            return demande.CreateSelfSigned(debut, fin);
        }
        demande.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(emetteur, true, false));
        return Emettre(demande, emetteur, cleEmetteur!, debut, fin);
    }

    private X509Certificate2 Final(string nom, string organisation, string? email, X509KeyUsageFlags usages, DateTimeOffset debut, DateTimeOffset fin,
        X509Certificate2? emetteur = null, RSA? cleEmetteur = null, int tailleCle = 2048, X509Extension[]? extensions = null)
    {
        var cle = RSA.Create(tailleCle);
        var sujet = $"CN={nom}, O={organisation}, C=FR" + (email is null ? "" : $", E={email}");
        var demande = new CertificateRequest(sujet, cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(usages, true));
        demande.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(demande.PublicKey, false));
        emetteur ??= Intermediaire;
        cleEmetteur ??= _cleIntermediaire;
        demande.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(emetteur, true, false));
        foreach (var extension in extensions ?? [])
        {
            demande.CertificateExtensions.Add(extension);
        }
        var certificat = Emettre(demande, emetteur, cleEmetteur, debut, fin);
        return certificat.CopyWithPrivateKey(cle);
    }

    /// <summary>Signs with the issuer's key by name, so that an issuer that is no CA can issue too (.NET refuses it otherwise).</summary>
    private static X509Certificate2 Emettre(CertificateRequest demande, X509Certificate2 emetteur, RSA cle, DateTimeOffset debut, DateTimeOffset fin) =>
        demande.Create(emetteur.SubjectName, X509SignatureGenerator.CreateForRSA(cle, RSASignaturePadding.Pkcs1), debut, fin, Serie());

    private static byte[] Serie() => RandomNumberGenerator.GetBytes(12).Select((b, i) => i == 0 ? (byte)(b & 0x7F | 0x01) : b).ToArray();
}
