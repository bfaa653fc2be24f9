using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;

namespace Sigma.Responses.Tests;

/// <summary>The deadline of a response's consultation, as the Responses module knows it, put in the past for a test and restored after.</summary>
internal sealed class DateLimite(IResponsesStore store, Guid consultationId) : IAsyncDisposable
{
    public static async Task<DateLimite> DepasseeAsync(SigmaFactory sigma, Guid reponseId)
    {
        var store = sigma.Services.GetRequiredService<IResponsesStore>();
        await using var session = store.LightweightSession();
        var consultationId = (await session.LoadAsync<Reponse>(reponseId))!.ConsultationId;
        await FixerAsync(session, consultationId, DateTimeOffset.UtcNow.AddSeconds(-1));
        return new DateLimite(store, consultationId);
    }

    public async ValueTask DisposeAsync()
    {
        await using var session = store.LightweightSession();
        await FixerAsync(session, consultationId, DateTimeOffset.UtcNow.AddDays(20));
    }

    private static async Task FixerAsync(IDocumentSession session, Guid consultationId, DateTimeOffset date)
    {
        var consultation = await session.LoadAsync<ConsultationConnue>(consultationId);
        consultation!.DateLimite = date;
        session.Store(consultation);
        await session.SaveChangesAsync();
    }
}
