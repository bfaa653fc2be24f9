namespace Sigma.BuildingBlocks.Domain;

/// <summary>A business rule refused a command; the message is French and shown to the user as is.</summary>
public class DomainException(string message, string? champ = null) : Exception(message)
{
    /// <summary>The form field the refusal is about, when there is one.</summary>
    public string? Champ { get; } = champ;

    /// <summary>When a whole form is refused: each field with its message (shown next to it); empty otherwise.</summary>
    public virtual IReadOnlyList<(string Champ, string Message)> Champs => [];
}

/// <summary>The input validators of a command refused it (run by the MediatR pipeline before any handler).</summary>
public sealed class FormulaireInvalideException(IReadOnlyList<(string Champ, string Message)> champs)
    : DomainException(champs.Count > 0 ? champs[0].Message : "Le formulaire contient des erreurs.")
{
    public override IReadOnlyList<(string Champ, string Message)> Champs { get; } = champs;
}
