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
    IReadOnlyList<string> Alterations);
