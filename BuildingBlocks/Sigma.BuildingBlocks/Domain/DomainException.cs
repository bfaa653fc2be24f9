namespace Sigma.BuildingBlocks.Domain;

/// <summary>A business rule refused a command; the message is French and shown to the user as is.</summary>
public class DomainException(string message, string? champ = null) : Exception(message)
{
    /// <summary>The form field the refusal is about, when there is one.</summary>
    public string? Champ { get; } = champ;
}
