using System.Security.Cryptography.X509Certificates;
using Sigma.Signature.Infrastructure.Horodatage;
using Sigma.Signature.Infrastructure.Revocation;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>What every signature of one file is judged with: the trusted roots, the time, the policy, and the file's validation data (/DSS).</summary>
internal sealed record ContexteVerification(IReadOnlyList<X509Certificate2> Racines, DateTimeOffset Maintenant, Politique Politique)
{
    public DonneesRevocation Revocation { get; init; } = DonneesRevocation.Aucune;

    /// <summary>How many of <see cref="Racines"/> were configured by the operator (the others are the platform's own seal authority); null: all.</summary>
    public int? RacinesConfigurees { get; init; }

    /// <summary>The keys of the anchors a trusted list names as issuers of qualified certificates.</summary>
    public IReadOnlySet<string> ClesQualifiees { get; init; } = new HashSet<string>();

    /// <summary>The certificates of the /DSS, to build paths with.</summary>
    public IReadOnlyList<X509Certificate2> Certificats { get; init; } = [];
}

/// <summary>The document time-stamps appended after one signature, and whether one of them covers the validation data.</summary>
internal sealed record PreuvesPosterieures(IReadOnlyList<JetonVerifie> Horodatages, bool ValidationHorodatee)
{
    public static PreuvesPosterieures Aucune { get; } = new([], false);
}
