namespace DrLambdas.DrLab.World.Traffic;

/// <summary>The requests of one model second [k, k+1) since the world's epoch, and how many succeeded.</summary>
internal sealed record SecondTally(long Second, int Reads, int ReadsOk, int Writes, int WritesOk);
