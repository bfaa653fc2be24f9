using FluentValidation;
using Sigma.Registration.Contracts;

namespace Sigma.Registration.Features.Inscription;

/// <summary>The "S'inscrire" form: an organisation (one SIRET) and its first account, its administrator.</summary>
public sealed class InscrireOrganisation : NouveauCompteAvecMotDePasse, IRequest<Guid>
{
    public string? Siret { get; set; }
    public string? RaisonSociale { get; set; }
    public string? CodeNaf { get; set; }
    public string? AdresseLigne1 { get; set; }
    public string? AdresseLigne2 { get; set; }
    public string? CodePostal { get; set; }
    public string? Ville { get; set; }
    public string? Telephone { get; set; }
}

internal sealed class InscrireOrganisationValidator : AbstractValidator<InscrireOrganisation>
{
    public InscrireOrganisationValidator()
    {
        RuleFor(x => x.Siret).SiretValide();
        RuleFor(x => x.RaisonSociale).NotEmpty().WithMessage("La raison sociale est obligatoire.")
            .MaximumLength(200).WithMessage("La raison sociale ne doit pas dépasser 200 caractères.");
        RuleFor(x => x.CodeNaf).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Le code APE/NAF est obligatoire.")
            .Must(c => NomenclatureNaf.Normaliser(c) is not null)
            .WithMessage("Le code APE/NAF s'écrit avec 4 chiffres et une lettre (ex. : 8559A).")
            .Must(c => NomenclatureNaf.Existe(NomenclatureNaf.Normaliser(c)!))
            .WithMessage("Ce code APE/NAF n'existe pas dans la nomenclature NAF rév. 2. Vérifiez-le sur votre avis de situation INSEE.");
        RuleFor(x => x.AdresseLigne1).NotEmpty().WithMessage("L'adresse est obligatoire.").MaximumLength(200).WithMessage("L'adresse est trop longue.");
        RuleFor(x => x.AdresseLigne2).MaximumLength(200).WithMessage("Le complément d'adresse est trop long.");
        RuleFor(x => x.CodePostal).NotEmpty().WithMessage("Le code postal est obligatoire.")
            .Matches("^[0-9]{5}$").WithMessage("Le code postal doit comporter 5 chiffres.");
        RuleFor(x => x.Ville).NotEmpty().WithMessage("La commune est obligatoire.").MaximumLength(100).WithMessage("La commune est trop longue.");
        RuleFor(x => x.Telephone).NotEmpty().WithMessage("Le téléphone est obligatoire.")
            .Matches(@"^(\+33 ?|0)[1-9]([ .-]?[0-9]{2}){4}$").WithMessage("Le téléphone doit être un numéro français à 10 chiffres (ex. : 04 67 22 80 00).");
        Include(new ChampsCompteValidator());
        Include(new ChampsMotDePasseValidator());
    }
}

internal sealed class InscrireOrganisationHandler(IRegistrationStore store, MotsDePasse motsDePasse, TimeProvider clock,
    Sigma.BuildingBlocks.Web.AdressePublique adresse)
    : IRequestHandler<InscrireOrganisation, Guid>
{
    public const string SiretDejaInscrit =
        "Un organisme est déjà inscrit avec ce SIRET : il n'est pas possible de créer deux comptes entreprise avec le même SIRET. " +
        "Créez plutôt un compte « Inscrit simple » rattaché à cet organisme.";

    public async Task<Guid> Handle(InscrireOrganisation r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var siret = Domain.Siret.Nettoyer(r.Siret);
        await using var session = store.LightweightSession();
        if (await session.Query<Organisation>().AnyAsync(o => o.Siret == siret, ct))
        {
            throw new DomainException(SiretDejaInscrit, nameof(r.Siret));
        }
        var identifiant = Compte.Normaliser(r.Identifiant!);
        if (await session.Query<Compte>().AnyAsync(c => c.IdentifiantNormalise == identifiant, ct))
        {
            throw new DomainException(Messages.IdentifiantPris, nameof(r.Identifiant));
        }

        var organisationId = Guid.NewGuid();
        var compteId = Guid.NewGuid();
        var (inscrite, admin) = Organisation.Inscrire(organisationId, compteId, siret, r.RaisonSociale!,
            NomenclatureNaf.Normaliser(r.CodeNaf)!, new Adresse(r.AdresseLigne1!.Trim(), r.AdresseLigne2?.Trim(), r.CodePostal!, r.Ville!.Trim()),
            r.Telephone!, new NouveauCompte(r.Identifiant!, r.Email!, r.Prenom!, r.Nom!), motsDePasse.Hacher(r.MotDePasse!), maintenant);

        session.LastModifiedBy = admin.Identifiant;
        session.Events.StartStream<Organisation>(organisationId, inscrite);
        session.Events.StartStream<Compte>(compteId, admin);
        session.Publish(AnnonceOrganisation.Annonce(inscrite, admin) with { LienPage = adresse.Lien("/connexion") });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (Doublons.EstDoublon(ex, "siret"))
        {
            throw new DomainException(SiretDejaInscrit, nameof(r.Siret));
        }
        catch (Exception ex) when (Doublons.EstDoublon(ex, "identifiant"))
        {
            throw new DomainException(Messages.IdentifiantPris, nameof(r.Identifiant));
        }
        return organisationId;
    }
}
