using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;

namespace Sigma.Responses.Tests;

/// <summary>
/// The deadline of a response's consultation put in the past for a test and restored after. Both copies move together,
/// as the Consultations module's events move them in production: the Responses module's (which decides sends and the
/// opening) and the Consultations module's (its status: clôturée).
/// </summary>
internal sealed class DateLimite(IServiceProvider services, Guid consultationId) : IAsyncDisposable
{
    public static Task<DateLimite> DepasseeAsync(SigmaFactory sigma, Guid reponseId) => FixeeAsync(sigma, reponseId, DateTimeOffset.UtcNow.AddSeconds(-1));

    /// <summary>The deadline moved to <paramref name="date"/> (a few seconds ahead, say) until disposed.</summary>
    public static async Task<DateLimite> FixeeAsync(SigmaFactory sigma, Guid reponseId, DateTimeOffset date)
    {
        Guid consultationId;
        await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            consultationId = (await session.LoadAsync<Reponse>(reponseId))!.ConsultationId;
        }
        var limite = new DateLimite(sigma.Services, consultationId);
        await limite.FixerAsync(date);
        return limite;
    }

    public ValueTask DisposeAsync() => new(FixerAsync(DateTimeOffset.UtcNow.AddDays(20)));

    private async Task FixerAsync(DateTimeOffset date)
    {
        await using (var session = services.GetRequiredService<IResponsesStore>().LightweightSession())
        {
            var connue = (await session.LoadAsync<ConsultationConnue>(consultationId))!;
            connue.DateLimite = date;
            session.Store(connue);
            await session.SaveChangesAsync();
        }
        await using var consultations = services.GetRequiredService<Sigma.Consultations.Infrastructure.IConsultationsStore>().LightweightSession();
        var consultation = (await consultations.LoadAsync<Sigma.Consultations.Domain.Consultation>(consultationId))!;
        consultations.Store(consultation with { DateLimite = date });
        await consultations.SaveChangesAsync();
    }
}
