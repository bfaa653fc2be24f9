using System.Security.Cryptography.X509Certificates;
using Sigma.Signature.Infrastructure.Pdf;
using Sigma.Signature.Infrastructure.Revocation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>The document security store (/DSS, ETSI EN 319 142-1 5.4): certificates, CRLs and OCSP responses, at its top level and in its /VRI entries.</summary>
internal static class DonneesValidation
{
    public static ContexteVerification Lire(StructurePdf pdf, ContexteVerification contexte)
    {
        if (pdf.Dictionnaire(StructurePdf.Entree(pdf.Catalogue, "DSS")) is not { } dss)
        {
            return contexte;
        }
        var sources = new List<DictionaryToken> { dss };
        if (pdf.Dictionnaire(StructurePdf.Entree(dss, "VRI")) is { } vri)
        {
            sources.AddRange(vri.Data.Values.Take(1000).Select(pdf.Dictionnaire).OfType<DictionaryToken>());
        }
        var vus = new HashSet<IToken>();
        List<byte[]> Flux(params string[] cles) => sources.SelectMany(d => cles.Select(c => pdf.Resoudre(StructurePdf.Entree(d, c))))
            .OfType<ArrayToken>().SelectMany(a => a.Data).Where(vus.Add).Select(pdf.Resoudre).OfType<StreamToken>().Select(Decoder).OfType<byte[]>().ToList();
        var certificats = new List<X509Certificate2>();
        foreach (var octets in Flux("Certs", "Cert"))
        {
            try
            {
                certificats.Add(X509CertificateLoader.LoadCertificate(octets));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // an unreadable certificate builds no path
            }
        }
        return contexte with { Revocation = DonneesRevocation.Lire(Flux("CRLs", "CRL"), Flux("OCSPs", "OCSP")), Certificats = certificats };
    }

    /// <summary>Where the /DSS lies in the file (its object, or the catalog holding it), to know which document time-stamps cover it.</summary>
    public static long? Position(StructurePdf pdf) => StructurePdf.Entree(pdf.Catalogue, "DSS") switch
    {
        IndirectReferenceToken r => pdf.Position(r.Data),
        DictionaryToken => pdf.Position(pdf.Racine),
        _ => null,
    };

    private static byte[]? Decoder(StreamToken flux)
    {
        try
        {
            return flux.Decode(DefaultFilterProvider.Instance).ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
