using System.Text.Json;
using JasperFx;
using Sigma.Documents.Contracts;

namespace Sigma.Responses.Features.Shared;

/// <summary>The outcome of a save: the form's new version, whether it is validated, what is missing when « Valider » was refused.</summary>
public sealed record ResultatEnregistrement(int Version, bool Valide, IReadOnlyList<Manquant> Manquants);

/// <summary>What differs between the candidature and an offer when a tab is saved: the rest is the one save flow.</summary>
/// <param name="Etat">The form's last saved state in a response (null before its first save).</param>
/// <param name="Lire">The form as last saved (unsealed in memory).</param>
/// <param name="Fusionner">The posted tab replaces its part of the saved form; the other tabs are kept.</param>
/// <param name="Forme">What « Enregistrer » checks: the format of what is filled.</param>
/// <param name="Enregistrer">The aggregate's decision to save the sealed content, and the response after it.</param>
/// <param name="Valider">The aggregate's decision to validate the merged form (refused with what is missing).</param>
/// <param name="Editer">The editions printed and sealed once the form is validated (those of other forms that depend on it too).</param>
internal sealed record FormulaireReponse<T>(
    Func<Reponse, EtatFormulaire?> Etat,
    Func<Reponse, CancellationToken, Task<T>> Lire,
    Func<T, T, string, T> Fusionner,
    Func<T, IReadOnlyList<Manquant>> Forme,
    Func<Reponse, byte[], T, T, DateTimeOffset, (object Evenement, Reponse Apres)> Enregistrer,
    Func<Reponse, T, DateTimeOffset, object> Valider,
    Func<Reponse, ConsultationConnue, T, DateTimeOffset, CancellationToken, Task<IReadOnlyList<EditionsGenerees>>> Editer,
    Guid? OffreId = null);

/// <summary>
/// « Enregistrer » or « Valider » one tab of a form: merge the tab into the saved form, check its format, save it sealed
/// if it changed (refused if someone saved in between), validate it when asked and seal its editions, all in one
/// transaction. When the editions cannot be printed, the tab is saved and stays in draft, with the printer's message.
/// </summary>
internal sealed class EnregistrementFormulaire(Ecritures ecritures, IResponsesStore store, Coffre coffre)
{
    public async Task<ResultatEnregistrement> EnregistrerAsync<T>(Guid reponseId, Acteur acteur, string onglet, T saisie, int version, bool valider,
        Func<Reponse, FormulaireReponse<T>> formulaireDe, CancellationToken ct)
    {
        await using var ecriture = await ecritures.OuvrirAsync(reponseId, acteur, ct);
        var reponse = ecriture.Reponse;
        var formulaire = formulaireDe(reponse);
        var enregistree = await formulaire.Lire(reponse, ct);
        var fusion = formulaire.Fusionner(enregistree, saisie, onglet);
        if (formulaire.Forme(fusion).Where(m => m.Onglet == onglet).ToList() is { Count: > 0 } forme)
        {
            throw new FormulaireIncompletException(forme);
        }
        var courante = reponse;
        var etat = formulaire.Etat(reponse);
        if (etat is null || JsonSerializer.Serialize(enregistree) != JsonSerializer.Serialize(fusion))
        {
            var (evenement, apres) = formulaire.Enregistrer(reponse, await coffre.ScellerAsync(reponse.ConsultationId, reponse.Id, fusion, ct),
                enregistree, fusion, ecriture.Maintenant);
            ecriture.Flux.AppendOne(evenement);
            courante = apres;
        }
        else if (etat.Version != version)
        {
            throw new EnregistrementConcurrentException(etat.NomPar, etat.Par, etat.Le);
        }
        IReadOnlyList<Manquant> manquants = [];
        var statut = formulaire.Etat(courante)!.Statut;
        if (valider && (statut != StatutFormulaire.Valide || !courante.EditionsAJour(formulaire.OffreId)))
        {
            try
            {
                var validation = statut == StatutFormulaire.Valide ? null : formulaire.Valider(courante, fusion, ecriture.Maintenant);
                // Validated again with the content its editions were printed from (a piece changed, say): they are kept.
                var editions = courante.EditionsAJour(formulaire.OffreId) ? []
                    : await formulaire.Editer(courante, ecriture.Consultation, fusion, ecriture.Maintenant, ct);
                if (validation is not null)
                {
                    ecriture.Flux.AppendOne(validation);
                }
                ecriture.Flux.AppendMany(editions);
            }
            catch (FormulaireIncompletException incomplet)
            {
                manquants = incomplet.Manquants;
            }
            catch (RenduIndisponibleException indisponible)
            {
                manquants = [new Manquant(onglet, "", $"Le formulaire est enregistré mais reste en brouillon : {indisponible.Message}")];
            }
        }
        try
        {
            await ecriture.Session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            await using var relecture = store.QuerySession();
            var derniere = await relecture.LoadAsync<Reponse>(reponseId, ct) is { } r ? formulaire.Etat(r) : null;
            throw new EnregistrementConcurrentException(derniere?.NomPar ?? "Quelqu'un", derniere?.Par ?? "?", derniere?.Le ?? ecriture.Maintenant);
        }
        return new ResultatEnregistrement(formulaire.Etat(courante)!.Version, manquants.Count == 0 && (valider || statut == StatutFormulaire.Valide), manquants);
    }
}
