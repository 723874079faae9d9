// Simulator: independent double-precision physics of the Mayo–Roncaglia (arXiv:2205.06897) and
// Çakmak ("Ergotropy from coherences in an open quantum system") quantum-battery models. Every
// quantity is built from Hamiltonians, jump/interaction operators and bath Gibbs states; no
// closed form of either paper is encoded here (those live in ClosedForms, which this module
// must not import), so agreement between the two is evidence.
