using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;

namespace Sigma.Testing;

/// <summary>
/// Many responses ready to send, cheaply: one prepared through the pages (<see cref="Soumissionnaire.PreteAEnvoyerAsync(SigmaFactory)"/>),
/// then its history copied event by event into new streams of the same organisation, each sealed content opened and
/// sealed again for the copy (the seal is bound to the response), each copy's candidate given a SIRET of its own (a
/// SIRET sends one offer per lot). The copies' pieces and editions point at files that were never stored: fit to be
/// sent, not to be opened.
/// </summary>
public static class ReponsesClonees
{
    public static async Task<IReadOnlyList<Guid>> ClonerAsync(IServiceProvider services, Guid modele, int nombre)
    {
        var store = services.GetRequiredService<IResponsesStore>();
        var coffre = services.GetRequiredService<Coffre>();
        IReadOnlyList<object> evenements;
        Guid consultation;
        await using (var lecture = store.QuerySession())
        {
            evenements = (await lecture.Events.FetchStreamAsync(modele)).Select(e => e.Data).ToList();
            consultation = (await lecture.LoadAsync<Reponse>(modele))!.ConsultationId;
        }
        var ids = new List<Guid>();
        foreach (var lot in Enumerable.Range(0, nombre).Chunk(50))
        {
            await using var session = store.LightweightSession();
            foreach (var _ in lot)
            {
                var id = Guid.NewGuid();
                var siret = Soumissionnaire.NouveauSiret();
                async Task<byte[]> RescellerAsync(byte[] contenu)
                {
                    if (contenu.Length == 0)
                    {
                        return contenu;
                    }
                    var donnees = await coffre.DescellerAsync<Dictionary<string, JsonNode?>>(consultation, modele, contenu, CancellationToken.None);
                    if (donnees.GetValueOrDefault("Candidat")?["Siege"] is JsonObject siege)
                    {
                        siege["Siret"] = siret;
                    }
                    return await coffre.ScellerAsync(consultation, id, donnees, CancellationToken.None);
                }
                var copies = new List<object>();
                foreach (var e in evenements)
                {
                    copies.Add(e switch
                    {
                        ReponseCommencee c => c with { ReponseId = id },
                        CandidatureEnregistree c => c with { ReponseId = id, Contenu = await RescellerAsync(c.Contenu) },
                        CandidatureValidee c => c with { ReponseId = id },
                        OffreCreee c => c with { ReponseId = id, Contenu = await RescellerAsync(c.Contenu) },
                        OffreEnregistree c => c with { ReponseId = id, Contenu = await RescellerAsync(c.Contenu) },
                        OffreValidee c => c with { ReponseId = id },
                        OffreSupprimee c => c with { ReponseId = id },
                        PieceDeposee c => c with { ReponseId = id },
                        PieceRetiree c => c with { ReponseId = id },
                        EditionsGenerees c => c with { ReponseId = id },
                        _ => throw new NotSupportedException($"Événement {e.GetType().Name} : à copier aussi."),
                    });
                }
                session.Events.StartStream<Reponse>(id, copies);
                ids.Add(id);
            }
            await session.SaveChangesAsync();
        }
        return ids;
    }
}
