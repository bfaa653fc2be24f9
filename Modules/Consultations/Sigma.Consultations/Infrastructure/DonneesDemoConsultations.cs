using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Consultations.Features.GererConsultation;

namespace Sigma.Consultations.Infrastructure;

/// <summary>On first start: published consultations (one closed, one draft) with lots, a DCE and a published answer.</summary>
internal sealed class DonneesDemoConsultations(IConsultationsStore store, StockageFichiers stockage, TimeProvider clock, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("Sigma:DonneesDemo", true))
        {
            return;
        }
        await using var session = store.LightweightSession();
        if (await session.Query<Consultation>().AnyAsync(ct))
        {
            return;
        }
        session.LastModifiedBy = "donnees-demo";
        var maintenant = clock.GetUtcNow();
        await Creer(session, "2027-FP-001", "Compétences Plus — Numérique", "COMPETENCES PLUS",
            "Actions de formation qualifiantes aux métiers du numérique (développement web, cybersécurité, support informatique) pour les demandeurs d'emploi.",
            [new Lot(1, "Développeur web et web mobile", "Haute-Garonne — Toulouse", UniteOeuvre.Hsta, 42000), new Lot(2, "Technicien d'assistance informatique", "Hérault — Montpellier", UniteOeuvre.Hsta, 30000),
             new Lot(3, "Cybersécurité — premiers pas", "Gard — Nîmes", UniteOeuvre.Hgro, 1200)], maintenant.AddDays(-5), maintenant.AddDays(30), true, ct);
        var batiment = await Creer(session, "2027-FP-002", "Parcours qualifiants Bâtiment", "PARCOURS QUALIFIANTS",
            "Parcours de formation qualifiants aux métiers du bâtiment et des travaux publics : maçonnerie, plâtrerie, électricité, éco-construction.",
            [new Lot(1, "Maçon — CAP", "Aude — Carcassonne", UniteOeuvre.Forp, 48), new Lot(2, "Électricien d'équipement du bâtiment", "Tarn — Albi", UniteOeuvre.Forp, 36)],
            maintenant.AddDays(-3), maintenant.AddDays(45), true, ct);
        await Creer(session, "2027-PP-003", "Projet Pro — Orientation professionnelle", "PROJET PRO",
            "Accompagnement à la construction d'un projet professionnel : remise à niveau, compétences transversales, immersions en entreprise.",
            [new Lot(1, "Projet Pro Occitanie Est", "Hérault, Gard, Lozère", UniteOeuvre.Forp, 600), new Lot(2, "Projet Pro Occitanie Ouest", "Haute-Garonne, Tarn, Gers", UniteOeuvre.Forp, 650)],
            maintenant.AddDays(-2), maintenant.AddDays(20), true, ct);
        await Creer(session, "2026-E2C-004", "E2C — École de la deuxième chance 2026", "E2C",
            "Parcours individualisés des écoles de la deuxième chance pour les jeunes de 16 à 25 ans sans qualification.",
            [new Lot(1, "E2C Montpellier", "Hérault", UniteOeuvre.Forp, 300)], maintenant.AddDays(-90), maintenant.AddDays(-10), true, ct);
        await Creer(session, "2027-LE-005", "LECTIO — Mise à niveau 2027", "LECTIO",
            "Remise à niveau en savoirs de base (lecture, écriture, calcul, numérique).",
            [new Lot(1, "Lectio Pyrénées-Orientales", "Perpignan", UniteOeuvre.Hsta, 15000)], maintenant.AddDays(-1), maintenant.AddDays(60), false, ct);

        var question = Guid.NewGuid();
        session.Events.Append(batiment, new QuestionPosee(batiment, question, "Les plateaux techniques doivent-ils être situés dans la commune du lot ?",
            Guid.Empty, "formateur.demo", "formateur.demo@organisme-demo.fr", null, maintenant.AddDays(-2)),
            new QuestionRepondue(batiment, question, "Non : ils doivent être accessibles en transports en commun depuis la commune du lot, à moins de 45 minutes.",
                "agent.region", maintenant.AddDays(-1)));
        await session.SaveChangesAsync(ct);
    }

    private async Task<Guid> Creer(IDocumentSession session, string reference, string intitule, string dispositif, string objet, IReadOnlyList<Lot> lots,
        DateTimeOffset creeeLe, DateTimeOffset dateLimite, bool publier, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var creee = Consultation.Creer(id, reference, intitule, objet, dispositif, "Appel d'offres ouvert", lots, dateLimite,
            "Direction de la formation professionnelle — marches.formation@region.localhost", "agent.region", creeeLe);
        var consultation = Consultation.Create(creee);
        var fichiers = new List<FichierDce>();
        foreach (var (nom, titre) in new[] { ("RC.pdf", "Règlement de la consultation"), ("CCAP.pdf", "Cahier des clauses administratives particulières"), ("CCTP.pdf", "Cahier des clauses techniques particulières") })
        {
            var fichierId = Guid.NewGuid();
            var octets = PdfDemo.Generer($"{titre} — {reference}", [intitule, $"Dispositif : {dispositif}", .. lots.Select(l => $"Lot {l.Numero} : {l.Intitule} ({l.Territoire})")]);
            var (taille, sha) = await stockage.EcrireAsync(DeposerDceHandler.Cle(id, fichierId), new MemoryStream(octets), Consultation.TailleMaxFichier, ct);
            fichiers.Add(new FichierDce(fichierId, nom, taille, sha, "application/pdf"));
        }
        var dce = consultation.DeposerDce("", fichiers, "agent.region", creeeLe);
        consultation = consultation.Apply(dce);
        session.Events.StartStream<Consultation>(id, creee, dce);
        if (publier)
        {
            var publiee = consultation.Publier("agent.region", creeeLe.AddHours(1));
            session.Events.Append(id, publiee);
            session.Publish(CommandesHandlers.Publication(consultation, publiee.PublieeLe));
        }
        return id;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
