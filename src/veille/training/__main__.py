import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one L-BFGS run gains nothing from BLAS threads

from veille.training.train import main

raise SystemExit(main())
