using FluentValidation;


namespace Sigma.Responses.Regles;

internal sealed class ValidateurEtablissement : AbstractValidator<Etablissement>
{
    public ValidateurEtablissement(bool complet, bool avecSiret = true)
    {
        this.Requis(complet, x => x.RaisonSociale, "Saisissez la raison sociale.");
        if (avecSiret)
        {
            this.Requis(complet, x => x.Siret, "Saisissez le SIRET (14 chiffres).");
        }
        this.Format(x => x.Siret, Saisie.SiretValide, "Le SIRET compte 14 chiffres et sa clé doit être juste : vérifiez-le sur votre extrait Kbis ou l'avis de situation INSEE.");
        this.Requis(complet, x => x.Adresse, "Saisissez l'adresse (numéro et voie).");
        this.CodePostalEtCommune(complet, x => x.CodePostal, x => x.Commune);
        this.Coordonnees(complet, x => x.Telephone, "04 67 22 80 00", x => x.Email, "contact@organisme.fr");
        this.Longueur(x => x.RaisonSociale, 250);
        this.Longueur(x => x.Adresse, 250);
        this.Longueur(x => x.Commune, 100);
    }
}

internal sealed class ValidateurPersonne : AbstractValidator<Personne>
{
    public ValidateurPersonne(bool complet)
    {
        this.Requis(complet, x => x.Civilite, "Choisissez la civilité.");
        this.Requis(complet, x => x.Nom, "Saisissez le nom.");
        this.Requis(complet, x => x.Prenom, "Saisissez le prénom.");
        this.Requis(complet, x => x.Qualite, "Saisissez la qualité (fonction).");
        this.Requis(complet, x => x.Adresse, "Saisissez l'adresse (numéro et voie).");
        this.CodePostalEtCommune(complet, x => x.CodePostal, x => x.Commune);
        this.Coordonnees(complet, x => x.Telephone, "06 12 34 56 78", x => x.Email, "prenom.nom@organisme.fr");
        this.Longueur(x => x.Nom, 100);
        this.Longueur(x => x.Prenom, 100);
    }
}

internal sealed class ValidateurChiffreAffaires : AbstractValidator<ChiffreAffaires>
{
    public ValidateurChiffreAffaires(bool complet)
    {
        this.Requis(complet, x => x.Exercice, "Saisissez l'année de l'exercice.");
        this.Format(x => x.Exercice, v => int.TryParse(v, out var a) && a is > 1990 and < 2100, "L'exercice est une année (ex. : 2025).");
        this.Requis(complet, x => x.Montant, "Saisissez le chiffre d'affaires de l'exercice (en euros).");
        this.Format(x => x.Montant, v => Saisie.Nombre(v) >= 0, "Le chiffre d'affaires est un montant en euros (ex. : 450 000).");
    }
}

internal sealed class ValidateurCandidature : AbstractValidator<DonneesCandidature>
{
    public ValidateurCandidature(bool complet)
    {
        if (complet)
        {
            RuleFor(x => x.Candidat.Type).NotNull().WithMessage("Choisissez le type de candidature.").OverridePropertyName("Candidat.Type");
            RuleFor(x => x.Candidat.Lots).Must(l => l.Count > 0).WithMessage("Cochez au moins un lot auquel vous répondez.").OverridePropertyName("Candidat.Lots");
            RuleFor(x => x.Membres).Must(m => m.Count > 0).When(x => x.Candidat.EstGroupement)
                .WithMessage("Un groupement compte au moins un membre en plus du mandataire : ajoutez-le dans l'onglet « Membres du groupement ».");
            RuleFor(x => x.RepartitionPrestations).Must(r => !Saisie.Vide(r)).When(x => x.Candidat.EstGroupement)
                .WithMessage("Décrivez la répartition des prestations entre les membres du groupement.");
            RuleFor(x => x.Sites).Must(s => s.Count > 0).WithMessage("Ajoutez au moins un site de réalisation.");
        }
        this.Format(x => x.Candidat.NumeroDeclarationActivite, v => System.Text.RegularExpressions.Regex.IsMatch(v!.Replace(" ", ""), @"^\d{11}$"),
            "Le numéro de déclaration d'activité compte 11 chiffres (ex. : 76 34 01234 34).");
        RuleFor(x => x.Candidat.Siege).SetValidator(new ValidateurEtablissement(complet)).OverridePropertyName("Candidat.Siege");
        RuleFor(x => x.Candidat.Executant).SetValidator(new ValidateurEtablissement(complet)).OverridePropertyName("Candidat.Executant");
        RuleFor(x => x.Candidat.RepresentantLegal).SetValidator(new ValidateurPersonne(complet)).OverridePropertyName("Candidat.RepresentantLegal");
        RuleFor(x => x.Candidat.Signataire).SetValidator(new ValidateurPersonne(complet)).OverridePropertyName("Candidat.Signataire");
        RuleForEach(x => x.Candidat.ChiffresAffaires).SetValidator(new ValidateurChiffreAffaires(complet)).OverridePropertyName("Candidat.ChiffresAffaires");
        RuleForEach(x => x.Membres).ChildRules(m =>
        {
            m.RuleFor(x => x.Siege).SetValidator(new ValidateurEtablissement(complet));
            m.RuleFor(x => x.RepresentantLegal).SetValidator(new ValidateurPersonne(complet));
            m.RuleFor(x => x.Signataire).SetValidator(new ValidateurPersonne(complet));
            m.RuleForEach(x => x.ChiffresAffaires).SetValidator(new ValidateurChiffreAffaires(complet));
            m.Requis(complet, x => x.Prestations, "Indiquez les prestations que ce membre exécute.");
        }).When(x => x.Candidat.EstGroupement);
        RuleForEach(x => x.Sites).ChildRules(s =>
        {
            s.Requis(complet, x => x.Nom, "Saisissez le nom du site : le numéro et le nom de la voie.");
            s.Format(x => x.Nom, v => char.IsAsciiDigit(v!.Trim()[0]), "Le nom du site commence par le numéro de la voie (ex. : 12 rue de la Loge).");
            s.CodePostalEtCommune(complet, x => x.CodePostal, x => x.Commune);
            s.Format(x => x.Telephone, Saisie.TelephoneValide, "Le téléphone doit être un numéro français.");
        });
    }
}
