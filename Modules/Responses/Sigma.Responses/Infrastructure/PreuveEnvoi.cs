using Sigma.BuildingBlocks.Persistence.Chaine;

namespace Sigma.Responses.Infrastructure;

/// <summary>What a receipt commits to: the response's chain head at the send (the link of its send event) and the last checkpoint then in force.</summary>
public sealed record PreuveEnvoi(long Version, string Tete, PointDeControleChaine? PointDeControle);

public sealed class PreuvesEnvoi(IResponsesStore store, Chaines chaines)
{
    public const string Schema = "responses";

    public async Task<PreuveEnvoi?> PourAsync(Reponse reponse, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var evenements = await session.Events.FetchStreamAsync(reponse.Id, token: ct);
        if (evenements.FirstOrDefault(e => e.Data is ReponseEnvoyee) is not { } envoi
            || await chaines.LienAsync(Schema, reponse.Id, envoi.Version, ct) is not { } lien)
        {
            return null;
        }
        return new PreuveEnvoi(envoi.Version, Convert.ToHexStringLower(lien), await chaines.PointEnVigueurAsync(Schema, envoi.Timestamp, ct));
    }
}
