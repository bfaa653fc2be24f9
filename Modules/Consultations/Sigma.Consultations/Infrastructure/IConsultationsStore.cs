namespace Sigma.Consultations.Infrastructure;

/// <summary>The Consultations module's own Marten store (schema <c>consultations</c>).</summary>
public interface IConsultationsStore : IDocumentStore;
