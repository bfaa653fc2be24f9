using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>
/// The qualified-certificate statements of a certificate (RFC 3739 QCStatements, ETSI EN 319 412-5): QcCompliance
/// (issued as a qualified certificate under eIDAS), QcSSCD (key in a qualified signature creation device), QcType
/// (esign, eseal, web). What the certificate declares, not checked against a trusted list.
/// </summary>
internal sealed record DeclarationsQc(bool Conforme, bool Qscd, IReadOnlyList<string> Types, bool Illisible)
{
    private const string OidQcStatements = "1.3.6.1.5.5.7.1.3";
    private const string OidQcCompliance = "0.4.0.1862.1.1";
    private const string OidQcSscd = "0.4.0.1862.1.4";
    private const string OidQcType = "0.4.0.1862.1.6";

    /// <summary>Qualified for signing or sealing: QcCompliance, and a QcType of esign or eseal when a type is declared.</summary>
    public bool Qualifie => Conforme && (Types.Count == 0 || Types.Contains("esign") || Types.Contains("eseal"));

    public static DeclarationsQc Lire(X509Certificate2 certificat)
    {
        var extension = certificat.Extensions.Cast<X509Extension>().FirstOrDefault(e => e.Oid?.Value == OidQcStatements);
        if (extension is null)
        {
            return new(false, false, [], false);
        }
        try
        {
            var (conforme, qscd, types) = (false, false, new List<string>());
            var declarations = new AsnReader(extension.RawData, AsnEncodingRules.BER).ReadSequence();
            while (declarations.HasData)
            {
                var declaration = declarations.ReadSequence();
                switch (declaration.ReadObjectIdentifier())
                {
                    case OidQcCompliance:
                        conforme = true;
                        break;
                    case OidQcSscd:
                        qscd = true;
                        break;
                    case OidQcType when declaration.HasData:
                        var liste = declaration.ReadSequence();
                        while (liste.HasData)
                        {
                            types.Add(liste.ReadObjectIdentifier() switch
                            {
                                "0.4.0.1862.1.6.1" => "esign",
                                "0.4.0.1862.1.6.2" => "eseal",
                                "0.4.0.1862.1.6.3" => "web",
                                var autre => autre,
                            });
                        }
                        break;
                }
            }
            return new(conforme, qscd, types, false);
        }
        catch (AsnContentException)
        {
            return new(false, false, [], true);
        }
    }
}
