namespace Sigma.Registration.Domain;

/// <summary>A training organisation's establishment, identified by its SIRET: one per SIRET on the platform.</summary>
public sealed record Organisation(
    Guid Id, string Siret, string Siren, string RaisonSociale, string CodeNaf, Adresse Adresse, string Telephone,
    DateTimeOffset InscriteLe)
{
    public static Organisation Create(OrganisationInscrite e) =>
        new(e.OrganisationId, e.Siret, e.Siren, e.RaisonSociale, e.CodeNaf, e.Adresse, e.Telephone, e.InscriteLe);

    /// <summary>The first account of an organisation is its administrator, created in the same step.</summary>
    public static (OrganisationInscrite Organisation, CompteCree Administrateur) Inscrire(
        Guid organisationId, Guid compteId, string siret, string raisonSociale, string codeNaf, Adresse adresse,
        string telephone, NouveauCompte administrateur, string motDePasseHache, DateTimeOffset maintenant)
    {
        if (Domain.Siret.Erreur(siret) is { } erreur)
        {
            throw new Sigma.BuildingBlocks.Domain.DomainException(erreur, nameof(Siret));
        }
        var chiffres = Domain.Siret.Nettoyer(siret);
        var inscrite = new OrganisationInscrite(organisationId, chiffres, Domain.Siret.Siren(chiffres), raisonSociale.Trim(),
            codeNaf, adresse, telephone.Trim(), compteId, maintenant);
        var admin = Compte.Creer(compteId, organisationId, administrateur, Sigma.BuildingBlocks.Contracts.Roles.AdministrateurOrganisme,
            motDePasseHache, OrigineCompte.Inscription, compteId, maintenant);
        return (inscrite, admin);
    }
}

/// <summary>What the other modules learn of a registered organisation (the Responses module pre-fills candidatures from it).</summary>
public static class AnnonceOrganisation
{
    public static Sigma.Registration.Contracts.OrganisationInscriteIntegrationEvent Annonce(OrganisationInscrite inscrite, CompteCree admin,
        bool sansCourriel = false) =>
        new(inscrite.OrganisationId, inscrite.Siret, inscrite.Siren, inscrite.RaisonSociale, inscrite.CodeNaf, inscrite.Adresse.ToString(),
            inscrite.Telephone, admin.CompteId, admin.Identifiant, admin.Email, $"{admin.Prenom} {admin.Nom}")
        {
            OccurredAt = inscrite.InscriteLe, Voie = inscrite.Adresse.Ligne1, Complement = inscrite.Adresse.Ligne2,
            CodePostal = inscrite.Adresse.CodePostal, Commune = inscrite.Adresse.Ville, SansCourriel = sansCourriel,
        };
}

/// <summary>What a person types to get an account.</summary>
public sealed record NouveauCompte(string Identifiant, string Email, string Prenom, string Nom);
