// Sigma: a button that removes something asks first (data-confirmer="question"); with the keyboard as with the mouse.
document.addEventListener('click', function (evenement) {
  var bouton = evenement.target.closest('[data-confirmer]');
  if (bouton && !window.confirm(bouton.getAttribute('data-confirmer'))) {
    evenement.preventDefault();
  }
});
