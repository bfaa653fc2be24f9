namespace Sigma.Signature.Infrastructure.Demandes;

/// <summary>The Signature module's own Marten store (schema <c>signature</c>): signature requests of the notification phase.</summary>
public interface ISignatureStore : IDocumentStore;
