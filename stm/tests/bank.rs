//! Bank transfers with several threads: the total never changes, and the transfers counted in
//! the heap equal the transfers of committed transactions (nothing lost or applied twice).

use stm::workload::bank::{BankConfig, run};

fn bank(threads: usize, segments: usize, transactions: u64, seed: u64) {
    let cfg = BankConfig {
        accounts: 1000,
        threads,
        segments,
        min_transfers: 1,
        max_transfers: 100,
        duration: None,
        transactions_per_thread: transactions,
        seed,
    };
    let r = run(&cfg).unwrap();
    r.check().unwrap_or_else(|e| panic!("{threads} threads on {segments} segments: {e}"));
    assert_eq!(r.transactions, threads as u64 * transactions);
    assert!(r.transfers >= r.transactions);
    eprintln!("{threads} threads / {segments} segments: {} transfers, stats: {}", r.transfers, r.stats);
}

#[test]
fn bank_two_threads() {
    bank(2, 2, 3000, 1);
}

#[test]
fn bank_four_threads() {
    bank(4, 4, 1000, 2);
}

#[test]
fn bank_eight_threads_on_two_cores() {
    bank(8, 8, 400, 3);
}

#[test]
fn bank_more_threads_than_segments() {
    bank(6, 2, 400, 4);
}

#[test]
fn bank_single_transfer_transactions_conflict_often() {
    let cfg = BankConfig {
        accounts: 20,
        threads: 4,
        segments: 4,
        min_transfers: 1,
        max_transfers: 3,
        duration: Some(std::time::Duration::from_millis(500)),
        transactions_per_thread: 0,
        seed: 5,
    };
    let r = run(&cfg).unwrap();
    r.check().unwrap();
    assert!(r.stats.conflicts > 0, "20 accounts and 4 threads must conflict: {}", r.stats);
}
