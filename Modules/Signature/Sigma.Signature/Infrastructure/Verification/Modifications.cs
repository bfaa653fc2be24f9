namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>
/// What the updates appended after a signed revision changed, sorted by the kinds ISO 32000-1 (12.8.2.2) and the EU
/// DSS tell apart: signing and validation data, metadata, form filling, annotations, unused objects, and the rest
/// (a change of what the signer saw).
/// </summary>
internal sealed record Modifications(
    int SignaturesAjoutees,
    int HorodatagesAjoutes,
    bool DonneesValidation,
    IReadOnlyList<string> Metadonnees,
    IReadOnlyList<string> ChampsRemplis,
    IReadOnlyList<string> ChampsSignes,
    IReadOnlyList<string> Annotations,
    IReadOnlyList<string> NonReferences,
    IReadOnlyList<string> Alterations)
{
    public bool SeulementSignatures => Alterations.Count == 0;

    /// <summary>Nothing but validation data (/DSS, document time-stamps) and metadata: what even a P=1 certification allows.</summary>
    public bool SeulementValidation => Alterations.Count == 0 && SignaturesAjoutees == 0 && ChampsRemplis.Count == 0 && ChampsSignes.Count == 0
        && Annotations.Count == 0;
}
