// Sigma: a button that removes something asks first (data-confirmer="question"); with the keyboard as with the mouse.
document.addEventListener('click', function (evenement) {
  var bouton = evenement.target.closest('[data-confirmer]');
  if (bouton && !window.confirm(bouton.getAttribute('data-confirmer'))) {
    evenement.preventDefault();
  }
});

// Sigma: a form sent back with errors puts the focus on its summary (an alert already in the page when it loads is not
// read by every screen reader): it is read first, and its links lead to the fields (RGAA 11.10).
(function () {
  var resume = document.getElementById('erreurs-formulaire');
  if (resume) {
    resume.setAttribute('tabindex', '-1');
    resume.focus();
  }
})();
