"""Baseline: a Python script that posts the same batches as `mobivate bulk`
(1,000 recipients each) sequentially, with a kept-alive requests Session."""
import csv
import sys

import requests

url, key, path = sys.argv[1], sys.argv[2], sys.argv[3]
session = requests.Session()
session.headers.update({"Authorization": f"Bearer {key}"})


def post(recipients):
    body = {"routeId": "mglobal", "excludeOptouts": True, "excludeDuplicates": False,
            "shortenUrls": False, "recipients": recipients}
    session.post(f"{url}/send/batch", json=body).raise_for_status()


sent, batch = 0, []
with open(path, newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        text = f"Hi {row['first_name']}, your code is {row['code']}. Reply STOP to opt out"
        batch.append({"recipient": row["recipient"], "text": text, "originator": "Shop",
                      "reference": f"py-{i + 1}"})
        if len(batch) == 1000:
            post(batch)
            sent += len(batch)
            batch = []
if batch:
    post(batch)
    sent += len(batch)
print(sent)
