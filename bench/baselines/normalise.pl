#!/usr/bin/perl
# Issue 3's normalisation in Perl, as a peer for bench/run.sh: NFKC, then the
# same mappings as the uconv rules (tashkeel, superscript alef and tatweel
# removed; hamza alef forms and alef wasla to bare alef; alef maksura to yeh;
# Arabic-Indic digits to ASCII). Run as: perl -CSD normalise.pl < in > out
use strict;
use warnings;
use Unicode::Normalize qw(NFKC);

while (my $line = <STDIN>) {
  $line = NFKC($line);
  $line =~ tr/\x{064B}-\x{0652}\x{0670}\x{0640}//d;
  $line =~ tr/\x{0623}\x{0625}\x{0622}\x{0671}\x{0649}\x{0660}-\x{0669}/\x{0627}\x{0627}\x{0627}\x{0627}\x{064A}0-9/;
  print $line;
}
