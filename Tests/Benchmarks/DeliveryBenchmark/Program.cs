using Cppcc.Benchmarks.Delivery;

// Delivery engine benchmark and fault test. Loopback only.
//   bench [recipients=10000] [rate=30]      one run through the real ConnectorClient, prints the figures
//   fault [recipients=3000] [rate=200] [kills=3]  SIGKILLs a sender process mid-run, restarts it, counts duplicates/losses
//   send <db> <rate>                        (child of "fault") sends everything queued in <db>, then exits
//   profile                                 CPU and wall time of each store operation and of one Connector send
//   stub <port>                             a Connector stub for trying a running bot by hand: prints every request;
//                                           conversations whose id ends in "blocked" answer 403
var mode = args.FirstOrDefault() ?? "bench";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
return mode switch
{
    "bench" => await Benchmark.RunAsync(Arg(1, 10_000), Arg(2, 30)),
    "fault" => await FaultTest.RunAsync(Arg(1, 3_000), Arg(2, 200), Arg(3, 3)),
    "send" => await FaultTest.SendAllAsync(args[1], int.Parse(args[2])),
    "stub" => await ManualStub.RunAsync(Arg(1, 3979)),
    "profile" => await Profile.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench [recipients] [rate] | fault [recipients] [rate] [kills] | send <db> <rate>");
    return 2;
}
