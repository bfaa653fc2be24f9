using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Linq;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>A trust service of a trusted list: its certificate, and whether it issues qualified certificates (CA/QC).</summary>
internal sealed record ServiceDeConfiance(X509Certificate2 Certificat, bool Qualifie);

/// <summary>
/// An ETSI TS 119 612 trusted list (the French list, downloaded by the operator): the certificates of its certification
/// and time-stamping services whose current status is granted (or, in lists before eIDAS, under supervision or
/// accredited). The file is trusted as the operator placed it: its XML signature is not checked here, and a list of
/// lists (the EU's LOTL) only points to other lists, which are not fetched (no network).
/// </summary>
internal static class ListeDeConfiance
{
    private static readonly XNamespace Tsl = "http://uri.etsi.org/02231/v2#";

    private static readonly HashSet<string> Types =
    [
        "http://uri.etsi.org/TrstSvc/Svctype/CA/QC",
        "http://uri.etsi.org/TrstSvc/Svctype/CA/PKC",
        "http://uri.etsi.org/TrstSvc/Svctype/TSA",
        "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST",
    ];

    private static readonly HashSet<string> StatutsActifs =
    [
        "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted",
        "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/recognisedatnationallevel",
        "http://uri.etsi.org/TrstSvc/Svcstatus/undersupervision",
        "http://uri.etsi.org/TrstSvc/Svcstatus/accredited",
    ];

    public static List<ServiceDeConfiance> Lire(Stream xml)
    {
        var document = XDocument.Load(XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
        var services = new List<ServiceDeConfiance>();
        foreach (var information in document.Descendants(Tsl + "ServiceInformation"))
        {
            var type = information.Element(Tsl + "ServiceTypeIdentifier")?.Value.Trim();
            var statut = information.Element(Tsl + "ServiceStatus")?.Value.Trim();
            if (type is null || !Types.Contains(type) || statut is null || !StatutsActifs.Contains(statut))
            {
                continue;
            }
            foreach (var base64 in information.Elements(Tsl + "ServiceDigitalIdentity").Elements(Tsl + "DigitalId").Elements(Tsl + "X509Certificate"))
            {
                try
                {
                    services.Add(new ServiceDeConfiance(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64.Value.Trim())),
                        type == "http://uri.etsi.org/TrstSvc/Svctype/CA/QC"));
                }
                catch (Exception e) when (e is FormatException or CryptographicException)
                {
                    // an unreadable identity anchors nothing
                }
            }
        }
        return services;
    }
}
