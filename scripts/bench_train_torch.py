"""PyTorch reference for scripts/bench-train.ts: the same CNN, batch size and optimizer.

usage: python3 scripts/bench_train_torch.py <dir with x.u8 and y.i32> <num_classes> [threads]
Prints samples_per_sec=<n> for one epoch over the given images (after a short warm-up).
"""
import sys
import time

import numpy as np
import torch
from torch import nn


def main() -> None:
    data_dir, num_classes = sys.argv[1], int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    x = np.fromfile(f"{data_dir}/x.u8", dtype=np.uint8).reshape(-1, 1, 45, 45)
    y = np.fromfile(f"{data_dir}/y.i32", dtype=np.int32).astype(np.int64)
    xs = torch.from_numpy(x.astype(np.float32) / 255.0)
    ys = torch.from_numpy(y)
    # Same as lib/ml/create-model.ts defaults: conv32 3x3, pool, conv64 3x3, pool, dropout, dense128.
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.4),
        nn.Linear(64 * 9 * 9, 128), nn.ReLU(),
        nn.Linear(128, num_classes),
    )
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    batch = 64

    def epoch(limit: int) -> int:
        perm = torch.randperm(len(ys))[:limit]
        done = 0
        for i in range(0, len(perm), batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(xs[idx]), ys[idx])
            loss.backward()
            opt.step()
            done += len(idx)
        return done

    model.train()
    epoch(3 * batch)
    start = time.perf_counter()
    n = epoch(len(ys))
    print(f"samples_per_sec={n / (time.perf_counter() - start):.1f}")


if __name__ == "__main__":
    main()
